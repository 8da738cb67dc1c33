package io.hookline.dispatcher.endpoint;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The endpoints of {@link EndpointProperties}, fixed for the life of the process. Immutable, thread-safe. */
@Component
class ConfiguredEndpoints implements EndpointDirectory {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredEndpoints.class);

    private final List<Endpoint> endpoints;

    ConfiguredEndpoints(EndpointProperties properties) {
        this.endpoints = properties.endpoints().stream().map(EndpointProperties.ConfiguredEndpoint::toEndpoint).toList();
        if (endpoints.isEmpty()) {
            log.warn("No webhook endpoints configured (dispatcher.endpoints); events will be consumed but not delivered");
        }
        endpoints.forEach(endpoint -> log.info("Webhook endpoint {} -> {} for {}", endpoint.name(), endpoint.url(),
                endpoint.eventTypes().isEmpty() ? "all event types" : endpoint.eventTypes()));
    }

    @Override
    public List<Endpoint> subscribersOf(String eventType) {
        return endpoints.stream().filter(endpoint -> endpoint.subscribesTo(eventType)).toList();
    }
}
