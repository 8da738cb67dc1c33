package io.hookline.dispatcher.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The readable headers a dead-lettered record carries beside Spring's {@code kafka_dlt-exception-*} ones:
 * {@value #REASON} (always) and {@value #FAILED_ENDPOINTS} (for delivery failures). Thread-safe.
 */
public final class DeadLetterReasons {

    /** A short readable reason, e.g. {@code poison: the value is not valid JSON}. */
    public static final String REASON = "dlt_reason";

    /** Comma-separated names of the endpoints that never accepted the event. */
    public static final String FAILED_ENDPOINTS = "dlt_failed_endpoints";

    private static final int MAX_REASON_CHARS = 1000;

    private final int maxAttempts;

    public DeadLetterReasons(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** A headers function for {@code DeadLetterPublishingRecoverer#addHeadersFunction}. */
    public Headers headers(ConsumerRecord<?, ?> record, Exception exception) {
        RecordHeaders headers = new RecordHeaders();
        Optional<DeliveryFailedException> failed = find(exception, DeliveryFailedException.class);
        Optional<PoisonEventException> poison = find(exception, PoisonEventException.class);
        String reason;
        if (poison.isPresent()) {
            reason = "poison: " + poison.get().getMessage();
        } else if (failed.isPresent()) {
            reason = "not delivered after " + maxAttempts + " attempts to " + failed.get().failureSummary();
            headers.add(FAILED_ENDPOINTS, utf8(failed.get().endpointNames()));
        } else {
            reason = "failed after " + maxAttempts + " attempts: " + rootCause(exception).getClass().getName();
        }
        headers.add(REASON, utf8(truncate(reason)));
        return headers;
    }

    static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS - 1) + "…";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
