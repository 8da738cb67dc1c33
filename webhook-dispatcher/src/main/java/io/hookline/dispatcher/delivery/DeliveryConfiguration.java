package io.hookline.dispatcher.delivery;

import io.hookline.schemas.validation.ContractValidator;
import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** The outbound HTTP client (WebClient on Reactor Netty, built by hand) and the contract validator. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    WebClient webhookWebClient(HttpProperties properties) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout())
                .followRedirect(false);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }
}
