package io.hookline.dispatcher.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every endpoint as it is now, for operators: the configured ones ({@code dispatcher.endpoints}) first, then
 * those created through the API, read from the database on each call. Never exposes secrets. Thread-safe.
 */
@Component
public class EndpointCatalog {

    private final List<EndpointView> configured;
    private final EndpointStore store;

    EndpointCatalog(EndpointProperties properties, EndpointStore store) {
        this.store = store;
        this.configured = properties.endpoints().stream().map(EndpointCatalog::view).toList();
    }

    public List<EndpointView> all() {
        List<EndpointView> all = new ArrayList<>(configured);
        store.findAll().stream().map(EndpointCatalog::view).forEach(all::add);
        return all;
    }

    public Optional<EndpointView> find(String id) {
        return configured.stream().filter(endpoint -> endpoint.id().equals(id)).findFirst()
                .or(() -> store.find(id).map(EndpointCatalog::view));
    }

    private static EndpointView view(EndpointProperties.ConfiguredEndpoint endpoint) {
        return new EndpointView(endpoint.name(), endpoint.url(), "", endpoint.eventTypes(), true,
                EndpointView.SOURCE_CONFIGURATION);
    }

    private static EndpointView view(StoredEndpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                endpoint.enabled(), EndpointView.SOURCE_API);
    }
}
