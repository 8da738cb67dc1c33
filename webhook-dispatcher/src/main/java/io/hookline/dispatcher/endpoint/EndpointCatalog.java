package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.endpoint.DisablementStore.ConfiguredState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every endpoint as it is now, for operators: the configured ones ({@code hookline.dispatcher.endpoints}) first, then
 * those created through the API, read from the database on each call, with why and since when each is disabled.
 * Never exposes secrets. Thread-safe.
 */
@Component
public class EndpointCatalog {

    private static final ConfiguredState NEVER_DISABLED = new ConfiguredState(null, null);

    private final List<EndpointProperties.ConfiguredEndpoint> configured;
    private final EndpointStore store;
    private final DisablementStore disablements;

    EndpointCatalog(EndpointProperties properties, EndpointStore store, DisablementStore disablements) {
        this.store = store;
        this.disablements = disablements;
        this.configured = properties.endpoints();
    }

    public List<EndpointView> all() {
        Map<String, ConfiguredState> states = disablements.configuredStates();
        List<EndpointView> all = new ArrayList<>();
        configured.forEach(endpoint -> all.add(view(endpoint, states.getOrDefault(endpoint.name(), NEVER_DISABLED))));
        store.findAll().stream().map(EndpointCatalog::view).forEach(all::add);
        return all;
    }

    public Optional<EndpointView> find(String id) {
        return configured.stream().filter(endpoint -> endpoint.name().equals(id)).findFirst()
                .map(endpoint -> view(endpoint, disablements.configuredState(id).orElse(NEVER_DISABLED)))
                .or(() -> store.find(id).map(EndpointCatalog::view));
    }

    boolean isConfigured(String id) {
        return configured.stream().anyMatch(endpoint -> endpoint.name().equals(id));
    }

    private static EndpointView view(EndpointProperties.ConfiguredEndpoint endpoint, ConfiguredState state) {
        return new EndpointView(endpoint.name(), endpoint.url(), "", endpoint.eventTypes(), state.disablement() == null,
                EndpointView.SOURCE_CONFIGURATION, state.disablement(), state.reenabledAt(), null, null);
    }

    private static EndpointView view(StoredEndpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                endpoint.enabled(), EndpointView.SOURCE_API, endpoint.disabled(), endpoint.reenabledAt(),
                endpoint.createdAt(), endpoint.updatedAt());
    }
}
