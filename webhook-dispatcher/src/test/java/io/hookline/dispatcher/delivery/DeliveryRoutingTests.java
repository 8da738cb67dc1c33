package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.health.OutcomeHistory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeliveryRoutingTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DeliveryTopicsProperties topics = new DeliveryTopicsProperties("orders.events", "orders.events.dlt",
            "webhooks.deliveries", 3, (short) 1);
    private final RetryProperties retry = RetryProperties.of(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30)), Duration.ofHours(24));
    private final Jitter noJitter = new Jitter(0.2, retry.parkLimit(), FixedRandom.always(0));

    @Test
    void sendsANewDeliveryToTheDeliveryTopicStampedWithItsEnqueueTimeWhileTheCircuitIsClosed() {
        DeliveryRouting routing = routing(Duration.ofSeconds(30));

        ProducerRecord<String, String> record = routing.first(delivery("ep_up"));

        assertThat(record.topic()).isEqualTo("webhooks.deliveries");
        assertThat(header(record, DeliveryHeaders.DUE_AT)).isNull();
        assertThat(header(record, DeliveryHeaders.ENQUEUED_AT)).isEqualTo(NOW.toString());
    }

    @Test
    void parksANewDeliveryOnTheRetryTierThatCoversTheWaitUntilTheProbeWhileTheCircuitIsOpen() {
        DeliveryRouting routing = routing(Duration.ofSeconds(30));

        ProducerRecord<String, String> record = routing.first(delivery("ep_dead"));

        assertThat(record.topic()).isEqualTo("webhooks.deliveries.retry.1");
        assertThat(header(record, DeliveryHeaders.DUE_AT)).isEqualTo(NOW.plusSeconds(30).toString());
        assertThat(header(record, DeliveryHeaders.ATTEMPTS)).isEqualTo("0");
    }

    @Test
    void defersToTheFirstRetryTierAfterTheFirstDelayWhenTheProbeIsSooner() {
        DeliveryRouting routing = routing(Duration.ofSeconds(2));

        ProducerRecord<String, String> record = routing.deferred(delivery("ep_dead").enqueued(NOW));

        assertThat(record.topic()).isEqualTo("webhooks.deliveries.retry.1");
        assertThat(header(record, DeliveryHeaders.DUE_AT)).isEqualTo(NOW.plusSeconds(5).toString());
    }

    @Test
    void defersALongCoolDownToTheLongestTierNotLongerThanIt() {
        DeliveryRouting routing = routing(Duration.ofMinutes(35));

        ProducerRecord<String, String> record = routing.deferred(delivery("ep_dead").enqueued(NOW));

        assertThat(record.topic()).isEqualTo("webhooks.deliveries.retry.3");
        assertThat(header(record, DeliveryHeaders.DUE_AT)).isEqualTo(NOW.plus(Duration.ofMinutes(35)).toString());
    }

    @Test
    void deadLettersADeferralThatWouldPassTheDeliverysDeadline() {
        DeliveryRouting routing = routing(Duration.ofMinutes(35));

        ProducerRecord<String, String> record = routing.deferred(delivery("ep_dead").enqueued(NOW.minusSeconds(2_000)));

        assertThat(record.topic()).isEqualTo("webhooks.deliveries.dlt");
        assertThat(header(record, DeliveryHeaders.DLT_REASON))
                .isEqualTo("expired after 33 min: 0 attempts, last: none (endpoint unavailable)");
    }

    /** A router whose endpoint {@code ep_dead} has an open circuit with its probe {@code coolDown} from now. */
    private DeliveryRouting routing(Duration coolDown) {
        EndpointCircuits circuits = new EndpointCircuits(new CircuitProperties(true, 0.9, 1,
                Duration.ofSeconds(10), coolDown, Duration.ofHours(2), 10, Duration.ofSeconds(15), 3), noJitter, clock);
        circuits.record("ep_dead", new AttemptResult(NOW, 0, "connection refused", 1, null, null), false, true);
        RetryPolicy policy = new RetryPolicy(retry, new RetryTiers(retry.delays(), retry.parkLimit()), noJitter);
        return new DeliveryRouting(circuits, topics, policy, clock,
                new DeliveryMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        new OutcomeHistory(clock)));
    }

    private static DeliveryRecord delivery(String endpointId) {
        return DeliveryRecord.first("dlv_1", "evt_1", "order.paid", endpointId, "ord_1", "{}");
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
