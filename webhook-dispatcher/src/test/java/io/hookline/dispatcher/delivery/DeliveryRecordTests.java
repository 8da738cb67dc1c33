package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeliveryRecordTests {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    /** The headers of a retried callback replay exactly as the dispatcher has always written them, in order. */
    private static final List<Map.Entry<String, String>> WIRE = List.of(
            Map.entry("delivery_id", "dlv_1"),
            Map.entry("event_id", "evt_1"),
            Map.entry("event_type", "order.paid"),
            Map.entry("endpoint_id", "cb_1"),
            Map.entry("attempts", "1"),
            Map.entry("due_at", "2026-11-22T12:00:05Z"),
            Map.entry("first_attempt_at", "2026-11-22T12:00:01Z"),
            Map.entry("last_attempt_at", "2026-11-22T12:00:01Z"),
            Map.entry("last_status", "503"),
            Map.entry("last_error", "HTTP 503"),
            Map.entry("target_url", "https://shop.example/hook"),
            Map.entry("replay_of", "dl_0_7"),
            Map.entry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            Map.entry("enqueued_at", "2026-11-22T12:00:00Z"),
            Map.entry("client_id", "cli_1"),
            Map.entry("callback_key_versions", "2,1"),
            Map.entry("event_version", "1"));

    private final DeliveryRecord retried = DeliveryRecord.replay("dlv_1", "evt_1", "order.paid", "cb_1", "ord_1",
                    "{\"type\":\"order.paid\"}", "https://shop.example/hook", "dl_0_7")
            .inTrace("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").signedFor("cli_1", "2,1")
            .ofVersion("1").enqueued(T0)
            .afterFailure(new AttemptResult(T0.plusSeconds(1), 503, null, 5, null, null), T0.plusSeconds(5));

    @Test
    void writesTheHeadersItAlwaysWrote() {
        ProducerRecord<String, String> record = retried.toProducerRecord("webhooks.deliveries.retry.1");

        assertThat(record.key()).isEqualTo("ord_1");
        assertThat(record.value()).isEqualTo("{\"type\":\"order.paid\"}");
        assertThat(record.headers().toArray()).extracting(Header::key, DeliveryRecordTests::text)
                .containsExactlyElementsOf(WIRE.stream()
                        .map(entry -> org.assertj.core.groups.Tuple.tuple(entry.getKey(), entry.getValue())).toList());
    }

    @Test
    void readsARecordWrittenBeforeTheSplitIntoIdentityAndHistory() {
        ConsumerRecord<String, String> written = new ConsumerRecord<>("webhooks.deliveries.retry.1", 0, 0, "ord_1",
                "{\"type\":\"order.paid\"}");
        WIRE.forEach(entry -> written.headers().add(entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8)));

        DeliveryRecord read = DeliveryRecord.from(written);

        assertThat(read).isEqualTo(retried);
        assertThat(read.history()).isEqualTo(new DeliveryHistory(1, T0.plusSeconds(1), T0.plusSeconds(1), 503,
                "HTTP 503", T0.plusSeconds(5), T0));
    }

    @Test
    void aDeferralKeepsTheAttemptsAndMovesOnlyTheDueTime() {
        DeliveryRecord deferred = retried.deferredUntil(T0.plusSeconds(30));

        assertThat(deferred.identity()).isEqualTo(retried.identity());
        assertThat(deferred.history()).isEqualTo(new DeliveryHistory(1, T0.plusSeconds(1), T0.plusSeconds(1), 503,
                "HTTP 503", T0.plusSeconds(30), T0));
    }

    @Test
    void aRecordWithoutEnqueuedAtIsAsOldAsItsFirstAttempt() {
        ConsumerRecord<String, String> old = new ConsumerRecord<>("webhooks.deliveries.retry.1", 0, 0, "ord_1", "{}");
        List.of(Map.entry("delivery_id", "dlv_1"), Map.entry("event_id", "evt_1"),
                Map.entry("event_type", "order.paid"), Map.entry("endpoint_id", "ep_1"), Map.entry("attempts", "2"),
                Map.entry("first_attempt_at", "2026-11-22T12:00:01Z")).forEach(entry ->
                old.headers().add(entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8)));

        assertThat(DeliveryRecord.from(old).enqueuedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(DeliveryRecord.from(old).attempts()).isEqualTo(2);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
