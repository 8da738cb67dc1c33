package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.egress.AddressPolicy;
import io.hookline.dispatcher.egress.GuardedAddressResolverGroup;
import io.netty.channel.ChannelOption;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Random;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The outbound HTTP client: WebClient on Reactor Netty, built by hand. Reactor Netty keeps one pool per
 * remote host and port; each may hold as many connections as the engine's overall in-flight cap, so the
 * engine's caps (overall and per endpoint), not the pool, bound concurrency. A smaller pool would couple
 * endpoints that share a host: a dead one would hold every connection and starve the others. Redirects are
 * not followed. Every connection attempt checks every address its host resolves to (literal IPs included) against
 * the {@link AddressPolicy} and fails with a {@code RefusedAddressException} before connecting to a refused one;
 * tests may put an {@link AddressResolverGroup} bean in the context to script the name service. Also the delivery policies ({@link Jitter}, {@link RetryTiers}, {@link RetryPolicy}) built from
 * {@code hookline.dispatcher.retry.*}, with the one source of randomness of the engine ({@link Random} is thread-safe).
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    WebClient webhookWebClient(HttpProperties http, EngineProperties engine, AddressPolicy addresses,
            ObjectProvider<AddressResolverGroup<InetSocketAddress>> names) {
        ConnectionProvider pool = ConnectionProvider.builder("webhooks")
                .maxConnections(engine.maxInFlight())
                .pendingAcquireMaxCount(-1)
                .build();
        return webClient(http, pool, addresses, names.getIfAvailable());
    }

    @Bean
    Jitter deliveryJitter(RetryProperties retry) {
        return new Jitter(retry.jitter(), retry.parkLimit(), new Random());
    }

    @Bean
    RetryTiers retryTiers(RetryProperties retry) {
        return new RetryTiers(retry.delays(), retry.parkLimit());
    }

    @Bean
    RetryPolicy retryPolicy(RetryProperties retry, RetryTiers retryTiers, Jitter deliveryJitter) {
        return new RetryPolicy(retry, retryTiers, deliveryJitter);
    }

    /**
     * The outbound client: every connection attempt resolves its host through a {@link GuardedAddressResolverGroup}
     * applying {@code addresses}, over {@code names} ({@code null}: Reactor Netty's default DNS resolver).
     */
    public static WebClient webClient(HttpProperties properties, ConnectionProvider pool, AddressPolicy addresses,
            AddressResolverGroup<InetSocketAddress> names) {
        HttpClient base = HttpClient.create(pool);
        AddressResolverGroup<? extends SocketAddress> resolver = names != null ? names
                : base.configuration().defaultAddressResolverGroup();
        HttpClient httpClient = base
                .resolver(new GuardedAddressResolverGroup(resolver, addresses))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout())
                .followRedirect(false);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }
}
