package io.hookline.dispatcher.autodisable;

import io.hookline.dispatcher.endpoint.Disablement;
import io.hookline.dispatcher.endpoint.EndpointCatalog;
import io.hookline.dispatcher.endpoint.EndpointDisablements;
import io.hookline.dispatcher.endpoint.EndpointView;
import io.hookline.dispatcher.operations.OperationalEvents;
import io.hookline.schemas.events.EndpointDisabled;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Disables endpoints that have failed everything for {@code hookline.dispatcher.auto-disable.after}, deciding from durable
 * data only (the attempt log and the endpoint tables), so it holds across restarts and instances. Every
 * {@code check-interval}, on the supervised loop {@code auto-disable} ({@link AutoDisableLoop}, one run at a time per
 * instance), it reads each enabled
 * endpoint's failure streak ({@link FailureStreaks}, counting only attempts since the endpoint was last enabled),
 * asks {@link AutoDisablePolicy}, and disables with one conditional update; the instance whose update changed the
 * row, and only it, emits {@code endpoint.disabled} ({@link OperationalEvents}). Supervised: a failure with one
 * endpoint is logged and the others are still checked; a failed run is logged and the next one runs as usual.
 * Callback endpoints ({@code callback:<host>}) are not endpoints one can enable and are never disabled.
 */
@Component
class AutoDisableJob {

    private static final Logger log = LoggerFactory.getLogger(AutoDisableJob.class);

    private final EndpointCatalog catalog;
    private final EndpointDisablements disablements;
    private final FailureStreaks streaks;
    private final OperationalEvents events;
    private final AutoDisablePolicy policy;
    private final AutoDisableProperties properties;
    private final Clock clock;
    private final AtomicLong completedChecks = new AtomicLong();

    AutoDisableJob(EndpointCatalog catalog, EndpointDisablements disablements, FailureStreaks streaks,
            OperationalEvents events, AutoDisableProperties properties, Clock clock) {
        this.catalog = catalog;
        this.disablements = disablements;
        this.streaks = streaks;
        this.events = events;
        this.properties = properties;
        this.policy = new AutoDisablePolicy(properties.after());
        this.clock = clock;
    }

    /** One check of every enabled endpoint; called by {@link AutoDisableLoop}, one run at a time. */
    void run() {
        if (!properties.enabled()) {
            return;
        }
        try {
            catalog.all().stream().filter(EndpointView::enabled).forEach(this::check);
        } catch (RuntimeException e) {
            log.warn("Auto-disable check failed; the next one runs in {}: {}", properties.checkInterval(),
                    e.toString());
        } finally {
            completedChecks.incrementAndGet();
        }
    }

    /** How many checks (runs over every endpoint) this instance completed; for tests and diagnostics. */
    long completedChecks() {
        return completedChecks.get();
    }

    private void check(EndpointView endpoint) {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<Disablement> decision = policy.decide(streaks.current(endpoint.id(), endpoint.reenabledAt()), now);
            if (decision.isPresent() && disablements.disable(endpoint.id(), decision.get())) {
                Disablement disabled = decision.get();
                log.warn("Disabled endpoint {} ({}): {}, failing since {}", endpoint.id(), endpoint.url(),
                        disabled.reason(), disabled.failingSince());
                events.endpointDisabled(new EndpointDisabled(endpoint.id(), endpoint.url(), disabled.reason(),
                        disabled.failingSince(), disabled.disabledAt()));
            }
        } catch (RuntimeException e) {
            log.warn("Auto-disable check of endpoint {} failed: {}", endpoint.id(), e.toString());
        }
    }
}
