package io.hookline.dispatcher.endpoint;

import io.hookline.support.problem.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Disables and re-enables endpoints of either source. API endpoints keep the state on their {@code endpoints} row;
 * configured endpoints ({@code hookline.dispatcher.endpoints[n]}, read-only) get a row in {@code configured_endpoint_states}
 * that {@link LiveEndpointDirectory} applies over the configuration. Every change refreshes this instance's
 * directory at once (others follow within their refresh interval). Thread-safe.
 */
@Service
public class EndpointDisablements {

    /** What enabling found: the endpoint now, and its disablement before ({@code null}: it was enabled). */
    public record Enabled(EndpointView endpoint, Disablement previously) {
    }

    private final EndpointCatalog catalog;
    private final DisablementStore store;
    private final EndpointService endpoints;
    private final LiveEndpointDirectory directory;
    private final Clock clock;

    EndpointDisablements(EndpointCatalog catalog, DisablementStore store, EndpointService endpoints,
            LiveEndpointDirectory directory, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.endpoints = endpoints;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Disables an enabled endpoint. One conditional update decides: of several callers (threads or instances),
     * exactly one gets {@code true}, and only it should tell anyone.
     */
    public boolean disable(String id, Disablement disablement) {
        boolean changed = catalog.isConfigured(id) ? store.disableConfigured(id, disablement)
                : store.disableStored(id, disablement);
        if (changed) {
            directory.refresh();
        }
        return changed;
    }

    /**
     * Enables an endpoint (a no-op when it is enabled); from now on only later attempts count towards
     * auto-disable.
     *
     * @throws NotFoundException when there is no such endpoint
     */
    public Enabled enable(String id) {
        EndpointView before = find(id);
        if (!before.enabled()) {
            if (catalog.isConfigured(id)) {
                store.enableConfigured(id, clock.instant());
                directory.refresh();
            } else {
                endpoints.update(id, new EndpointRequest(null, null, null, true));
            }
        }
        return new Enabled(find(id), before.enabled() ? null : before.disabled());
    }

    private EndpointView find(String id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("There is no endpoint " + id + "."));
    }
}
