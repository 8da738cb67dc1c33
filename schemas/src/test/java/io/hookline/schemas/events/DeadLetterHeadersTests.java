package io.hookline.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.DeadLetterHeaders.DeadLettering;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTests {

    @Test
    void readsOurConvention() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("dlt_reason", text("poison: the value is not valid JSON"));
        headers.put("dlt_original_topic", text("orders.events"));
        headers.put("dlt_original_partition", text("2"));
        headers.put("dlt_original_offset", text("4711"));

        assertThat(DeadLetterHeaders.read(headers::get))
                .isEqualTo(new DeadLettering("poison: the value is not valid JSON", "orders.events", 2, 4711L));
    }

    @Test
    void readsADeadLetterWrittenWithSpringKafkasConvention() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("kafka_dlt-exception-message", text("the body is not JSON"));
        headers.put("kafka_dlt-original-topic", text("notifications.inbox"));
        headers.put("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
        headers.put("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(9_000_000_000L).array());

        assertThat(DeadLetterHeaders.read(headers::get))
                .isEqualTo(new DeadLettering("the body is not JSON", "notifications.inbox", 1, 9_000_000_000L));
    }

    @Test
    void prefersOursWhenARecordCarriesBoth() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("kafka_dlt-exception-message", text("spring's"));
        headers.put("dlt_reason", text("ours"));

        assertThat(DeadLetterHeaders.read(headers::get).reason()).isEqualTo("ours");
    }

    @Test
    void malformedOrAbsentPartsAreNull() {
        Map<String, byte[]> headers = Map.of("dlt_original_offset", text("not a number"),
                "kafka_dlt-original-partition", new byte[] {1, 2});

        assertThat(DeadLetterHeaders.read(headers::get)).isEqualTo(new DeadLettering(null, null, null, null));
    }

    @Test
    void namesTheHeadersDeadLetteringAdds() {
        assertThat(DeadLetterHeaders.addedByDeadLettering("dlt_reason")).isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("kafka_dlt-exception-stacktrace")).isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("event_id")).isFalse();
    }

    @Test
    void headerTextIsUtf8BothWaysAndNullSafe() {
        assertThat(HeaderText.decode(HeaderText.encode("Zürich 12"))).isEqualTo("Zürich 12");
        assertThat(HeaderText.encode(42)).isEqualTo(text("42"));
        assertThat(HeaderText.encode(null)).isNull();
        assertThat(HeaderText.decode(null)).isNull();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
