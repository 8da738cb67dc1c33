package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.egress.AddressPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link AddressPolicy} of the dispatcher, from {@code dispatcher.directory.allow-private-urls} and
 * {@code dispatcher.directory.allowed-cidrs}: the {@link UrlPolicy} applies it when a URL is saved, the outbound
 * client on every connection attempt.
 */
@Configuration(proxyBeanMethods = false)
class AddressPolicyConfiguration {

    @Bean
    AddressPolicy addressPolicy(DirectoryProperties directory) {
        return new AddressPolicy(directory.allowPrivateUrls(), directory.allowedNetworks());
    }
}
