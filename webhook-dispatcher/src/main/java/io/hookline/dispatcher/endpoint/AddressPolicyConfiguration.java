package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.egress.AddressPolicy;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link AddressPolicy} of the dispatcher, from {@code hookline.dispatcher.directory.allow-private-urls} and
 * {@code hookline.dispatcher.directory.allowed-cidrs}: the {@link UrlPolicy} applies it when a URL is saved, the outbound
 * client on every connection attempt. The endpoints configured in {@code hookline.dispatcher.endpoints} are the
 * operator's own (like the allow-list): their host and port are trusted at connect time, as they never pass a
 * save-time check either.
 */
@Configuration(proxyBeanMethods = false)
class AddressPolicyConfiguration {

    @Bean
    AddressPolicy addressPolicy(DirectoryProperties directory, EndpointProperties configured) {
        Set<String> trusted = configured.endpoints().stream().map(endpoint -> URI.create(endpoint.url().trim()))
                .map(url -> url.getHost() + ":" + (url.getPort() >= 0 ? url.getPort()
                        : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80))
                .collect(Collectors.toSet());
        return new AddressPolicy(directory.allowPrivateUrls(), directory.allowedNetworks(), trusted);
    }
}
