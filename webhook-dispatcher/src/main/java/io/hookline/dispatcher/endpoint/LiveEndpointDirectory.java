package io.hookline.dispatcher.endpoint;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.secrets.Redacted;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The endpoints every lookup sees: those of {@link EndpointProperties} (fixed, but disabled while
 * {@code configured_endpoint_states} says so) and those in the database,
 * re-read every {@link DirectoryProperties#refreshInterval()} and right after a change through this
 * instance's API. Lookups answer from an immutable snapshot, never from the database. Thread-safe.
 */
@Component
class LiveEndpointDirectory implements EndpointDirectory {

    private static final Logger log = LoggerFactory.getLogger(LiveEndpointDirectory.class);

    private final Map<String, Endpoint> configured = new LinkedHashMap<>();
    private final EndpointStore store;
    private final DisablementStore disablements;
    private final Clock clock;
    private final AtomicReference<Map<String, Endpoint>> snapshot = new AtomicReference<>(Map.of());

    LiveEndpointDirectory(EndpointProperties properties, EndpointStore store, DisablementStore disablements,
            Clock clock) {
        this.store = store;
        this.disablements = disablements;
        this.clock = clock;
        properties.endpoints().forEach(endpoint -> configured.put(endpoint.name(), endpoint.toEndpoint()));
        configured.values().forEach(endpoint -> log.info("Configured webhook endpoint {} -> {} for {}", endpoint.id(),
                Redacted.url(endpoint.url().toString()),
                endpoint.eventTypes().isEmpty() ? "all event types" : endpoint.eventTypes()));
        refresh();
    }

    @Override
    public List<Endpoint> subscribersOf(String eventType) {
        return snapshot.get().values().stream().filter(endpoint -> endpoint.subscribesTo(eventType)).toList();
    }

    @Override
    public Optional<Endpoint> find(String id) {
        return Optional.ofNullable(snapshot.get().get(id));
    }

    /** Re-reads the database; on failure keeps the last snapshot. */
    @Scheduled(fixedDelayString = "${hookline.dispatcher.directory.refresh-interval:500ms}")
    void refresh() {
        try {
            Map<String, List<EndpointStore.StoredSecret>> secrets = store.secretsInForce(clock.instant());
            Map<String, Endpoint> endpoints = new LinkedHashMap<>(configured);
            disablements.configuredStates().forEach((id, state) -> {
                Endpoint endpoint = configured.get(id);
                if (endpoint != null && state.disablement() != null) {
                    endpoints.put(id, new Endpoint(id, endpoint.url(), endpoint.secrets(), endpoint.eventTypes(), false));
                }
            });
            for (StoredEndpoint stored : store.findAll()) {
                List<WebhookSecret> keys = secrets.getOrDefault(stored.id(), List.of()).stream()
                        .map(secret -> WebhookSecret.parse(secret.secret())).toList();
                if (!keys.isEmpty()) {
                    endpoints.put(stored.id(), new Endpoint(stored.id(), URI.create(stored.url()), keys,
                            new HashSet<>(stored.eventTypes()), stored.enabled()));
                }
            }
            snapshot.set(Collections.unmodifiableMap(endpoints));
            store.deleteExpiredSecrets(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not re-read the endpoints; keeping the last known set: {}", e.toString());
        }
    }
}
