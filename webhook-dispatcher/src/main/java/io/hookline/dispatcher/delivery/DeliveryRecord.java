package io.hookline.dispatcher.delivery;

import static io.hookline.dispatcher.delivery.DeliveryHeaders.*;

import io.hookline.schemas.events.HeaderText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One delivery (an event for one endpoint) as it travels on the delivery, retry and dead-letter topics: what it is
 * ({@link DeliveryIdentity}, fixed for its life) and what has happened to it so far ({@link DeliveryHistory}). On
 * the wire the value is the exact webhook body, the key the event's record key (the order id), the rest are
 * {@link DeliveryHeaders}; the accessors of both parts are repeated here for its readers. Each step makes the next
 * record ({@link #afterFailure}, {@link #deferredUntil}, {@link #enqueued}, the {@code with…} of the identity).
 * Immutable.
 */
public record DeliveryRecord(DeliveryIdentity identity, DeliveryHistory history) {

    public DeliveryRecord {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(history, "history");
    }

    /** A new delivery, not attempted yet. */
    public static DeliveryRecord first(String deliveryId, String eventId, String eventType, String endpointId,
            String key, String body) {
        return new DeliveryRecord(DeliveryIdentity.of(deliveryId, eventId, eventType, endpointId, key, body),
                DeliveryHistory.NONE);
    }

    /**
     * A replay of a dead-lettered delivery: the same delivery (id, event, body, key, endpoint, target) with fresh
     * attempts, due at once, marked {@code replay_of} the dead letter.
     */
    public static DeliveryRecord replay(String deliveryId, String eventId, String eventType, String endpointId,
            String key, String body, String targetUrl, String deadLetterId) {
        DeliveryIdentity identity = DeliveryIdentity.of(deliveryId, eventId, eventType, endpointId, key, body)
                .withTargetUrl(targetUrl).withReplayOf(Objects.requireNonNull(deadLetterId, "deadLetterId"));
        return new DeliveryRecord(identity, DeliveryHistory.NONE);
    }

    /** The same delivery in the given trace. */
    public DeliveryRecord inTrace(String traceparent) {
        return new DeliveryRecord(identity.withTraceparent(traceparent), history);
    }

    /** The same delivery, to a callback URL. */
    public DeliveryRecord toTarget(String url) {
        return new DeliveryRecord(identity.withTargetUrl(url), history);
    }

    /**
     * The same delivery, signed for an orders API client: {@code clientId} and {@code callbackKeyVersions} as the
     * event's headers had them (either may be {@code null}).
     */
    public DeliveryRecord signedFor(String clientId, String callbackKeyVersions) {
        return new DeliveryRecord(identity.withSigning(clientId, callbackKeyVersions), history);
    }

    /** The same delivery of an event following version {@code version} of its type's contract. */
    public DeliveryRecord ofVersion(String version) {
        return new DeliveryRecord(identity.withEventVersion(version), history);
    }

    /** The same delivery after one more failed attempt, due again at {@code dueAt}. */
    public DeliveryRecord afterFailure(AttemptResult result, Instant dueAt) {
        return new DeliveryRecord(identity, history.nextAfterFailure(result, dueAt));
    }

    /** The same delivery, unchanged but due later (deferred because its endpoint was busy). */
    public DeliveryRecord deferredUntil(Instant due) {
        return new DeliveryRecord(identity, history.nextDueAt(due));
    }

    /** The same delivery, created at {@code at} (set once, when it enters the platform). */
    public DeliveryRecord enqueued(Instant at) {
        return new DeliveryRecord(identity, history.enqueued(at));
    }

    public String deliveryId() {
        return identity.deliveryId();
    }

    public String eventId() {
        return identity.eventId();
    }

    public String eventType() {
        return identity.eventType();
    }

    public String endpointId() {
        return identity.endpointId();
    }

    public String key() {
        return identity.key();
    }

    public String body() {
        return identity.body();
    }

    public String targetUrl() {
        return identity.targetUrl();
    }

    public String replayOf() {
        return identity.replayOf();
    }

    public String traceparent() {
        return identity.traceparent();
    }

    public String clientId() {
        return identity.clientId();
    }

    public String callbackKeyVersions() {
        return identity.callbackKeyVersions();
    }

    public String eventVersion() {
        return identity.eventVersion();
    }

    public int attempts() {
        return history.attempts();
    }

    public Instant firstAttemptAt() {
        return history.firstAttemptAt();
    }

    public Instant lastAttemptAt() {
        return history.lastAttemptAt();
    }

    public int lastStatus() {
        return history.lastStatus();
    }

    public String lastError() {
        return history.lastError();
    }

    public Instant dueAt() {
        return history.dueAt();
    }

    public Instant enqueuedAt() {
        return history.enqueuedAt();
    }

    public ProducerRecord<String, String> toProducerRecord(String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key(), body());
        Headers headers = record.headers();
        put(headers, DELIVERY_ID, deliveryId());
        put(headers, EVENT_ID, eventId());
        put(headers, EVENT_TYPE, eventType());
        put(headers, ENDPOINT_ID, endpointId());
        put(headers, ATTEMPTS, Integer.toString(attempts()));
        put(headers, DUE_AT, dueAt());
        put(headers, FIRST_ATTEMPT_AT, firstAttemptAt());
        put(headers, LAST_ATTEMPT_AT, lastAttemptAt());
        put(headers, LAST_STATUS, lastStatus() == 0 ? null : Integer.toString(lastStatus()));
        put(headers, LAST_ERROR, lastError());
        put(headers, TARGET_URL, targetUrl());
        put(headers, REPLAY_OF, replayOf());
        put(headers, TRACEPARENT, traceparent());
        put(headers, ENQUEUED_AT, enqueuedAt());
        put(headers, CLIENT_ID, clientId());
        put(headers, CALLBACK_KEY_VERSIONS, callbackKeyVersions());
        put(headers, EVENT_VERSION, eventVersion());
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
            DeliveryIdentity identity = new DeliveryIdentity(required(headers, DELIVERY_ID),
                    required(headers, EVENT_ID), required(headers, EVENT_TYPE), required(headers, ENDPOINT_ID),
                    record.key(), Objects.requireNonNull(record.value(), "the record has no value"),
                    text(headers, TARGET_URL), text(headers, REPLAY_OF), text(headers, TRACEPARENT),
                    text(headers, CLIENT_ID), text(headers, CALLBACK_KEY_VERSIONS), text(headers, EVENT_VERSION));
            DeliveryHistory history = new DeliveryHistory(attempts == null ? 0 : Integer.parseInt(attempts),
                    firstAttempt, time(headers, LAST_ATTEMPT_AT), status == null ? 0 : Integer.parseInt(status),
                    text(headers, LAST_ERROR), time(headers, DUE_AT), enqueued);
            return new DeliveryRecord(identity, history);
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
        return header == null ? null : HeaderText.decode(header.value());
    }

    static void put(Headers headers, String name, Object value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, HeaderText.encode(value));
        }
    }
}
