package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.health.OutcomeHistory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The delivery engine's meters, on {@code /actuator/prometheus} (docs/observability.md):
 * <ul>
 * <li>{@code hookline_deliveries_total{outcome, endpoint}}: {@code delivered} and {@code failed} per attempt,
 * {@code deferred} per hand-off to a retry topic without an attempt (endpoint busy or circuit open),
 * {@code dead_lettered} per delivery parked on {@code webhooks.deliveries.dlt};</li>
 * <li>{@code hookline_delivery_attempt_seconds{endpoint, result}}: attempt latency, with histogram buckets;</li>
 * <li>{@code hookline_delivery_retries_total{step, reason}}: records sent to retry topic {@code step}, after a
 * {@code failed} attempt or {@code deferred};</li>
 * <li>{@code hookline_delivery_forwards_total{tier}}: records produced again, unchanged, to a retry tier because
 * they were not yet due when their tier released them ({@link RetryTiers});</li>
 * <li>{@code hookline_delivery_engine_errors_total}: deliveries whose handling threw (each is dead-lettered);</li>
 * <li>{@code hookline_delivery_dead_letters_total{reason}}: records sent to a dead-letter topic: {@code exhausted},
 * {@code expired} (its next attempt would have passed its deadline), {@code engine_error},
 * {@code endpoint_unavailable} (deleted, disabled, callbacks off), {@code callback_refused},
 * {@code address_refused} (the connect-time address check refused what the host resolved to),
 * {@code callback_signing} (malformed client headers of a callback), {@code unreadable}
 * (not a delivery record) and {@code poison_event} (an {@code orders.events} record, to {@code orders.events.dlt}).</li>
 * </ul>
 * Tags stay few: endpoint ids (per-order callbacks all count as {@code callback}), never event or order ids.
 * The per-attempt meters are built once per tag combination and kept: building and registering a histogram timer
 * on every attempt showed in the saturation profile (docs/delivery-engine.md, "Performance").
 * Every attempt and deferral also goes to the per-minute {@link OutcomeHistory} behind the console's chart.
 * Thread-safe.
 */
@Component
public class DeliveryMetrics {

    /** The {@code endpoint} tag of every per-order callback delivery. */
    static final String CALLBACK_ENDPOINT = "callback";

    private record Tags(String endpoint, String outcome) {
    }

    private final MeterRegistry registry;
    private final OutcomeHistory history;
    private final Map<Tags, Timer> attemptTimers = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> outcomeCounters = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry, OutcomeHistory history) {
        this.registry = registry;
        this.history = history;
    }

    /** One attempt was answered or gave up. */
    void attempted(DeliveryRecord delivery, AttemptResult result) {
        if (result.delivered()) {
            history.delivered(delivery.endpointId(), result.latencyMs());
        } else {
            history.failed(delivery.endpointId(), result.latencyMs());
        }
        String endpoint = endpointTag(delivery);
        String outcome = result.delivered() ? "delivered" : "failed";
        attemptTimers.computeIfAbsent(new Tags(endpoint, outcome), this::attemptTimer)
                .record(Duration.ofMillis(result.latencyMs()));
        outcome(endpoint, outcome);
    }

    private Timer attemptTimer(Tags tags) {
        return Timer.builder("hookline.delivery.attempt")
                .description("Webhook delivery attempts: time from request to answer (or giving up)")
                .tags("endpoint", tags.endpoint(), "result", tags.outcome())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** A delivery was handed to retry topic {@code step} without an attempt. */
    void deferred(DeliveryRecord delivery, int step) {
        history.deferred(delivery.endpointId());
        outcome(endpointTag(delivery), "deferred");
        retry(step, "deferred");
    }

    /** A failed delivery was handed to retry topic {@code step}. */
    void retried(int step) {
        retry(step, "failed");
    }

    /** A record not yet due was produced again to retry tier {@code tier}. */
    void forwarded(int tier) {
        Counter.builder("hookline.delivery.forwards")
                .description("Records produced again to a retry tier because they were not due yet")
                .tag("tier", Integer.toString(tier))
                .register(registry)
                .increment();
    }

    /** Handling a delivery threw; it was dead-lettered. */
    void engineError() {
        Counter.builder("hookline.delivery.engine.errors")
                .description("Deliveries whose handling threw an unexpected exception (each is dead-lettered)")
                .register(registry)
                .increment();
    }

    /** A delivery, or a record that is none ({@code delivery} null), was sent to a dead-letter topic. */
    public void deadLettered(DeliveryRecord delivery, String reason) {
        if (delivery != null) {
            outcome(endpointTag(delivery), "dead_lettered");
        }
        Counter.builder("hookline.delivery.dead.letters")
                .description("Records sent to a dead-letter topic, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private void outcome(String endpoint, String outcome) {
        outcomeCounters.computeIfAbsent(new Tags(endpoint, outcome), tags -> Counter.builder("hookline.deliveries")
                .description("Webhook deliveries by outcome and endpoint")
                .tags("outcome", tags.outcome(), "endpoint", tags.endpoint())
                .register(registry)).increment();
    }

    private void retry(int step, String reason) {
        Counter.builder("hookline.delivery.retries")
                .description("Records sent to a retry topic, by retry step and reason")
                .tags("step", Integer.toString(step), "reason", reason)
                .register(registry)
                .increment();
    }

    private static String endpointTag(DeliveryRecord delivery) {
        return delivery.targetUrl() != null ? CALLBACK_ENDPOINT : delivery.endpointId();
    }
}
