package io.hookline.dispatcher.delivery;

import static io.hookline.dispatcher.delivery.DeliveryHeaders.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One delivery (an event for one endpoint) as it travels on the delivery, retry and dead-letter topics: the
 * value is the exact webhook body, the key the event's record key (the order id), the rest are
 * {@link DeliveryHeaders}. Immutable.
 *
 * @param attempts attempts made so far (0 on {@code webhooks.deliveries})
 * @param lastStatus the last HTTP status, 0 when none
 * @param dueAt not attempted before this time ({@code null}: at once)
 * @param targetUrl for a per-order callback: where it goes ({@code null} for subscribed endpoints)
 * @param replayOf for a replay: the dead letter it replays ({@code dl_…}), kept across retries; else {@code null}
 * @param traceparent the W3C trace context of the order request, carried through every retry and sent as the
 *     webhook's {@code traceparent} header ({@code null} when the event had none)
 * @param enqueuedAt when the delivery was created (fan-out or replay), kept across retries and deferrals: its
 *     age decides its deadline; read from {@code enqueued_at}, else {@code first_attempt_at}, else the record's
 *     timestamp; {@code null} only before {@link DeliveryRouting#first} stamps a new delivery
 * @param clientId for a per-order callback: the orders API client whose secret signs it (the event's
 *     {@code client_id} header), kept across retries, dead letter and replay; {@code null} for endpoints and for
 *     callbacks of events published before clients had their own secrets (signed with the master secret)
 * @param callbackKeyVersions with {@code clientId}: the client's key versions to sign with, newest first, as the
 *     event's {@code callback_key_versions} header had them ({@code "2,1"}); checked when signing, not here
 * @param eventVersion the version of the event type's contract the body follows ({@code "1"}), sent as the
 *     webhook's {@code webhook-event-version} header; {@code null} when unknown (then no header is sent)
 */
public record DeliveryRecord(String deliveryId, String eventId, String eventType, String endpointId, String key,
        String body, int attempts, Instant firstAttemptAt, Instant lastAttemptAt, int lastStatus, String lastError,
        Instant dueAt, String targetUrl, String replayOf, String traceparent, Instant enqueuedAt, String clientId,
        String callbackKeyVersions, String eventVersion) {

    public DeliveryRecord {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(body, "body");
    }

    /** A new delivery, not attempted yet. */
    public static DeliveryRecord first(String deliveryId, String eventId, String eventType, String endpointId,
            String key, String body) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, 0, null, null, 0, null, null,
                null, null, null, null, null, null, null);
    }

    /**
     * A replay of a dead-lettered delivery: the same delivery (id, event, body, key, endpoint, target) with fresh
     * attempts, due at once, marked {@code replay_of} the dead letter.
     */
    public static DeliveryRecord replay(String deliveryId, String eventId, String eventType, String endpointId,
            String key, String body, String targetUrl, String deadLetterId) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, 0, null, null, 0, null, null,
                targetUrl, Objects.requireNonNull(deadLetterId, "deadLetterId"), null, null, null, null, null);
    }

    /** The same delivery in the given trace. */
    public DeliveryRecord inTrace(String traceparent) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts, firstAttemptAt,
                lastAttemptAt, lastStatus, lastError, dueAt, targetUrl, replayOf, traceparent, enqueuedAt,
                clientId, callbackKeyVersions, eventVersion);
    }

    /** The same delivery, to a callback URL. */
    public DeliveryRecord toTarget(String url) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts, firstAttemptAt,
                lastAttemptAt, lastStatus, lastError, dueAt, url, replayOf, traceparent, enqueuedAt,
                clientId, callbackKeyVersions, eventVersion);
    }

    /**
     * The same delivery, signed for an orders API client: {@code clientId} and {@code callbackKeyVersions} as the
     * event's headers had them (either may be {@code null}).
     */
    public DeliveryRecord signedFor(String clientId, String callbackKeyVersions) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts, firstAttemptAt,
                lastAttemptAt, lastStatus, lastError, dueAt, targetUrl, replayOf, traceparent, enqueuedAt, clientId,
                callbackKeyVersions, eventVersion);
    }

    /** The same delivery of an event following version {@code version} of its type's contract. */
    public DeliveryRecord ofVersion(String version) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts, firstAttemptAt,
                lastAttemptAt, lastStatus, lastError, dueAt, targetUrl, replayOf, traceparent, enqueuedAt, clientId,
                callbackKeyVersions, version);
    }

    /** The same delivery after one more failed attempt, due again at {@code dueAt}. */
    public DeliveryRecord afterFailure(AttemptResult result, Instant dueAt) {
        Instant first = firstAttemptAt == null ? result.attemptedAt() : firstAttemptAt;
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts + 1, first,
                result.attemptedAt(), result.status(), result.outcome(), dueAt, targetUrl, replayOf, traceparent,
                enqueuedAt, clientId, callbackKeyVersions, eventVersion);
    }

    /** The same delivery, unchanged but due later (deferred because its endpoint was busy). */
    public DeliveryRecord deferredUntil(Instant due) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts, firstAttemptAt,
                lastAttemptAt, lastStatus, lastError, due, targetUrl, replayOf, traceparent, enqueuedAt,
                clientId, callbackKeyVersions, eventVersion);
    }

    /** The same delivery, created at {@code at} (set once, when it enters the platform). */
    public DeliveryRecord enqueued(Instant at) {
        return new DeliveryRecord(deliveryId, eventId, eventType, endpointId, key, body, attempts, firstAttemptAt,
                lastAttemptAt, lastStatus, lastError, dueAt, targetUrl, replayOf, traceparent, at,
                clientId, callbackKeyVersions, eventVersion);
    }

    public ProducerRecord<String, String> toProducerRecord(String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        Headers headers = record.headers();
        put(headers, DELIVERY_ID, deliveryId);
        put(headers, EVENT_ID, eventId);
        put(headers, EVENT_TYPE, eventType);
        put(headers, ENDPOINT_ID, endpointId);
        put(headers, ATTEMPTS, Integer.toString(attempts));
        put(headers, DUE_AT, dueAt);
        put(headers, FIRST_ATTEMPT_AT, firstAttemptAt);
        put(headers, LAST_ATTEMPT_AT, lastAttemptAt);
        put(headers, LAST_STATUS, lastStatus == 0 ? null : Integer.toString(lastStatus));
        put(headers, LAST_ERROR, lastError);
        put(headers, TARGET_URL, targetUrl);
        put(headers, REPLAY_OF, replayOf);
        put(headers, TRACEPARENT, traceparent);
        put(headers, ENQUEUED_AT, enqueuedAt);
        put(headers, CLIENT_ID, clientId);
        put(headers, CALLBACK_KEY_VERSIONS, callbackKeyVersions);
        put(headers, EVENT_VERSION, eventVersion);
        return record;
    }

    /**
     * Reads a record of a delivery topic.
     *
     * @throws IllegalArgumentException if a required header is missing or malformed
     */
    public static DeliveryRecord from(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        try {
            String status = text(headers, LAST_STATUS);
            String attempts = text(headers, ATTEMPTS);
            Instant firstAttempt = time(headers, FIRST_ATTEMPT_AT);
            Instant enqueued = time(headers, ENQUEUED_AT);
            if (enqueued == null) {
                enqueued = firstAttempt != null ? firstAttempt : Instant.ofEpochMilli(record.timestamp());
            }
            return new DeliveryRecord(required(headers, DELIVERY_ID), required(headers, EVENT_ID),
                    required(headers, EVENT_TYPE), required(headers, ENDPOINT_ID), record.key(),
                    Objects.requireNonNull(record.value(), "the record has no value"),
                    attempts == null ? 0 : Integer.parseInt(attempts), firstAttempt,
                    time(headers, LAST_ATTEMPT_AT), status == null ? 0 : Integer.parseInt(status),
                    text(headers, LAST_ERROR), time(headers, DUE_AT), text(headers, TARGET_URL),
                    text(headers, REPLAY_OF), text(headers, TRACEPARENT), enqueued, text(headers, CLIENT_ID),
                    text(headers, CALLBACK_KEY_VERSIONS), text(headers, EVENT_VERSION));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not a delivery record: " + e.getMessage());
        }
    }

    private static String required(Headers headers, String name) {
        return Objects.requireNonNull(text(headers, name), "header " + name + " is missing");
    }

    private static Instant time(Headers headers, String name) {
        String text = text(headers, name);
        return text == null ? null : Instant.parse(text);
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void put(Headers headers, String name, Object value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
