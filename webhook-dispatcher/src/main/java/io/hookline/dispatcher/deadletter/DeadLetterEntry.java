package io.hookline.dispatcher.deadletter;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryRecord;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.events.HeaderText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the dead-letter topic as the index keeps it: what the topic says, never changed afterwards.
 * Read leniently: an unreadable record (no delivery headers) is still a dead letter, with {@code null}s.
 *
 * @param id {@code dl_<partition>_<offset>}, stable for the life of the topic
 * @param orderId the record key
 * @param lastStatus the last HTTP status, {@code null} when no response arrived
 * @param deadLetteredAt the record's timestamp
 * @param body the exact webhook body that was signed (the record value)
 * @param replayOf the dead letter this delivery was a replay of, or {@code null}
 * @param origin where a record of {@code orders.events.dlt} or {@code notifications.inbox.dlt} came from, and its
 *        headers; {@code null} for a delivery's dead letter
 * @param clientId a callback's orders API client ({@code client_id}), or {@code null}; kept for its replay
 * @param callbackKeyVersions a callback's key versions ({@code callback_key_versions}), or {@code null}
 */
public record DeadLetterEntry(String id, String topic, int partition, long offset, String deliveryId, String eventId,
        String eventType, String endpointId, String endpointUrl, String targetUrl, String orderId, Integer attempts,
        Instant firstAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError, String reason,
        Instant deadLetteredAt, String body, String replayOf, Origin origin, String clientId,
        String callbackKeyVersions) {

    /**
     * Where a dead-lettered record was read before it was parked, and its headers (JSON, {@link HeaderCodec}).
     *
     * @param headers {@code null} in list answers (not read)
     */
    public record Origin(String topic, Integer partition, Long offset, String headers) {
    }

    static String id(int partition, long offset) {
        return "dl_" + partition + "_" + offset;
    }

    static DeadLetterEntry from(ConsumerRecord<String, String> record) {
        Headers h = record.headers();
        return new DeadLetterEntry(id(record.partition(), record.offset()), record.topic(), record.partition(),
                record.offset(), text(h, DeliveryHeaders.DELIVERY_ID), text(h, DeliveryHeaders.EVENT_ID),
                text(h, DeliveryHeaders.EVENT_TYPE), text(h, DeliveryHeaders.ENDPOINT_ID),
                text(h, DeliveryHeaders.ENDPOINT_URL), text(h, DeliveryHeaders.TARGET_URL), record.key(),
                number(h, DeliveryHeaders.ATTEMPTS), time(h, DeliveryHeaders.FIRST_ATTEMPT_AT),
                time(h, DeliveryHeaders.LAST_ATTEMPT_AT), number(h, DeliveryHeaders.LAST_STATUS),
                text(h, DeliveryHeaders.LAST_ERROR), deadLettering(h).reason(),
                Instant.ofEpochMilli(record.timestamp()), record.value(), text(h, DeliveryHeaders.REPLAY_OF), null,
                text(h, DeliveryHeaders.CLIENT_ID), text(h, DeliveryHeaders.CALLBACK_KEY_VERSIONS));
    }

    /** Whether this is a delivery that can be sent again (an unreadable record has no delivery headers). */
    public boolean readable() {
        return deliveryId != null && eventId != null && eventType != null && endpointId != null && body != null;
    }

    /** The same delivery with fresh attempts, marked as a replay of this dead letter. */
    public DeliveryRecord toReplay() {
        return DeliveryRecord.replay(deliveryId, eventId, eventType, endpointId, orderId, body, targetUrl, id)
                .signedFor(clientId, callbackKeyVersions);
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : HeaderText.decode(header.value());
    }

    /** What the dead-lettering wrote, in either convention ({@link DeadLetterHeaders}). */
    static DeadLetterHeaders.DeadLettering deadLettering(Headers headers) {
        return DeadLetterHeaders.read(name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        });
    }

    static Integer number(Headers headers, String name) {
        try {
            String text = text(headers, name);
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant time(Headers headers, String name) {
        try {
            String text = text(headers, name);
            return text == null ? null : Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
