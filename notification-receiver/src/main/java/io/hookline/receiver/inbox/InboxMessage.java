package io.hookline.receiver.inbox;

import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.HeaderText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of the inbox queue, read off Kafka.
 *
 * @param webhookId the {@code webhook-id} header, or {@code null} when absent
 * @param body the record value (the webhook body), or {@code null}
 * @param receivedAt the {@code received_at} header, else the record timestamp
 * @param traceparent the W3C trace context of the request that queued it, or {@code null}
 */
public record InboxMessage(String webhookId, String body, Instant receivedAt, String traceparent) {

    /** A record outside any trace. */
    public InboxMessage(String webhookId, String body, Instant receivedAt) {
        this(webhookId, body, receivedAt, null);
    }

    /** Reads the fields of a record; never fails (the worker decides what is poison). */
    public static InboxMessage from(ConsumerRecord<String, String> record) {
        String webhookId = header(record, InboxHeaders.WEBHOOK_ID);
        return new InboxMessage(webhookId, record.value(), receivedAt(record),
                header(record, EventHeaders.TRACEPARENT));
    }

    private static Instant receivedAt(ConsumerRecord<String, String> record) {
        String text = header(record, InboxHeaders.RECEIVED_AT);
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // fall back to the record timestamp, set by the publisher to the same instant
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : HeaderText.decode(header.value());
    }
}
