package io.hookline.schemas.events;

import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * The platform's one dead-letter header convention (docs/dead-letters.md): every dead-letter producer writes
 * {@code dlt_reason} and, for a record that was read from a topic, {@code dlt_original_topic},
 * {@code dlt_original_partition} and {@code dlt_original_offset}, as UTF-8 text like every other header
 * ({@link HeaderText}). Dead letters written earlier by Spring for Apache Kafka's
 * {@code DeadLetterPublishingRecoverer} carry its {@link Spring kafka_dlt-*} names instead (binary partition and
 * offset); dead-letter topics are kept forever, so {@link #read} understands both, ours first. Stateless.
 */
public final class DeadLetterHeaders {

    /** The start of every name of this convention. */
    public static final String PREFIX = "dlt_";
    /** Why the record was given up, readable ({@code not delivered after 8 attempts; last: HTTP 500}). */
    public static final String REASON = "dlt_reason";
    /** The topic the dead-lettered record was read from. */
    public static final String ORIGINAL_TOPIC = "dlt_original_topic";
    /** Its partition, in decimal. */
    public static final String ORIGINAL_PARTITION = "dlt_original_partition";
    /** Its offset, in decimal. */
    public static final String ORIGINAL_OFFSET = "dlt_original_offset";

    /** Spring for Apache Kafka's names ({@code KafkaHeaders.DLT_*}): read on old dead letters, never written. */
    public static final class Spring {

        /** The start of every name of Spring's convention. */
        public static final String PREFIX = "kafka_dlt-";
        public static final String REASON = "kafka_dlt-exception-message";
        public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
        /** A 4-byte big-endian int. */
        public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
        /** An 8-byte big-endian long. */
        public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
        /** The failure's stack trace: never stored, never shown. */
        public static final String STACK_TRACE = "kafka_dlt-exception-stacktrace";

        private Spring() {
        }
    }

    /** What a dead letter's headers say about why and where from; each part {@code null} when absent. */
    public record DeadLettering(String reason, String originalTopic, Integer originalPartition,
            Long originalOffset) {
    }

    private DeadLetterHeaders() {
    }

    /**
     * Reads a dead letter's headers in either convention, ours first.
     *
     * @param lastValue the value of the last header of a name, {@code null} when there is none
     */
    public static DeadLettering read(Function<String, byte[]> lastValue) {
        String reason = first(HeaderText.decode(lastValue.apply(REASON)),
                HeaderText.decode(lastValue.apply(Spring.REASON)));
        String topic = first(HeaderText.decode(lastValue.apply(ORIGINAL_TOPIC)),
                HeaderText.decode(lastValue.apply(Spring.ORIGINAL_TOPIC)));
        Long partition = first(decimal(lastValue.apply(ORIGINAL_PARTITION)),
                binary(lastValue.apply(Spring.ORIGINAL_PARTITION), Integer.BYTES));
        Long offset = first(decimal(lastValue.apply(ORIGINAL_OFFSET)),
                binary(lastValue.apply(Spring.ORIGINAL_OFFSET), Long.BYTES));
        return new DeadLettering(reason, topic, partition == null ? null : partition.intValue(), offset);
    }

    /** Whether {@code name} is one that dead-lettering adds (either convention): a replay drops them. */
    public static boolean addedByDeadLettering(String name) {
        return name.startsWith(PREFIX) || name.startsWith(Spring.PREFIX);
    }

    private static Long decimal(byte[] value) {
        String text = HeaderText.decode(value);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long binary(byte[] value, int length) {
        if (value == null || value.length != length) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return length == Integer.BYTES ? buffer.getInt() : buffer.getLong();
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
