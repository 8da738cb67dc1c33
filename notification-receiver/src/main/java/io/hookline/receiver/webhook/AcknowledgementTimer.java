package io.hookline.receiver.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The timer {@code hookline.receiver.acknowledgement} (Prometheus {@code hookline_receiver_acknowledgement_seconds},
 * with histogram buckets): how long an accepted webhook took from the controller to its 202, i.e. reading the body,
 * verifying, validating and the acknowledged hand-off to {@code notifications.inbox}. Refused webhooks are in
 * Spring's {@code http_server_requests_seconds} by status. Thread-safe.
 */
@Component
class AcknowledgementTimer {

    private final Timer timer;

    AcknowledgementTimer(MeterRegistry registry) {
        timer = Timer.builder("hookline.receiver.acknowledgement")
                .description("Time to acknowledge (202) an accepted webhook, the durable hand-off included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Records one acknowledged webhook whose handling started at {@code startedNanos} ({@link System#nanoTime()}). */
    void acknowledged(long startedNanos) {
        timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
