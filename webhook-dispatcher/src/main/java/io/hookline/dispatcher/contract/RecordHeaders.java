package io.hookline.dispatcher.contract;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.InboxRecordHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The headers each kind of record carries, as the code that writes it sets them (values are UTF-8 text): the
 * {@code headers} schemas of the AsyncAPI document's messages. Immutable.
 *
 * @param headers name → (description, required), in the order they are listed
 */
record RecordHeaders(Map<String, Header> headers) {

    record Header(String description, boolean required) {
    }

    /** orders-api's outbox relay on {@code orders.events}. */
    static final RecordHeaders ORDER_EVENT = new RecordHeaders(new LinkedHashMap<>())
            .required(EventHeaders.EVENT_ID, "The envelope's id (UUID); also the webhook-id.")
            .required(EventHeaders.EVENT_TYPE, "The envelope's type, e.g. order.paid.")
            .optional(EventHeaders.EVENT_VERSION, "The version of the type's contract the payload follows; absent"
                    + " means 1.")
            .optional(EventHeaders.TRACEPARENT, "W3C trace context of the request the event came from.")
            .optional(EventHeaders.CLIENT_ID, "The orders API client whose order it is (cli_…): its secret signs the"
                    + " order's callback_url webhooks.")
            .optional(EventHeaders.CALLBACK_KEY_VERSIONS, "The client's callback secret versions to sign with,"
                    + " newest first, e.g. 3,2.");

    /** The dispatcher's operational events on {@code hookline.operational-events}. */
    static final RecordHeaders OPERATIONAL_EVENT = new RecordHeaders(new LinkedHashMap<>())
            .required(EventHeaders.EVENT_ID, "The envelope's id (UUID).")
            .required(EventHeaders.EVENT_TYPE, "The envelope's type, e.g. endpoint.disabled.")
            .optional(EventHeaders.EVENT_VERSION, "The version of the type's contract; absent means 1.")
            .optional(EventHeaders.TRACEPARENT, "W3C trace context, when the producer was in a trace.");

    /** The fan-out's copy of an event it could not read: the original headers plus why and where from. */
    static final RecordHeaders EVENT_DEAD_LETTER = ORDER_EVENT.optionalAll()
            .required(DeliveryHeaders.DLT_REASON, "Why the event was not fanned out.")
            .required(DeliveryHeaders.DLT_ORIGINAL_TOPIC, "The topic the record was read from.")
            .required(DeliveryHeaders.DLT_ORIGINAL_PARTITION, "Its partition.")
            .required(DeliveryHeaders.DLT_ORIGINAL_OFFSET, "Its offset.");

    /** One delivery on {@code webhooks.deliveries} and its retry topics ({@code DeliveryRecord}). */
    static final RecordHeaders DELIVERY = new RecordHeaders(new LinkedHashMap<>())
            .required(DeliveryHeaders.DELIVERY_ID, "dlv_…: one (event, endpoint) pair, stable across attempts.")
            .required(DeliveryHeaders.EVENT_ID, "The event id, also the webhook-id.")
            .required(DeliveryHeaders.EVENT_TYPE, "The event type.")
            .required(DeliveryHeaders.ENDPOINT_ID, "The endpoint's id, or callback:<host> for an order's"
                    + " callback_url.")
            .required(DeliveryHeaders.ATTEMPTS, "Attempts made so far (0 on webhooks.deliveries).")
            .optional(DeliveryHeaders.DUE_AT, "Not attempted before this time (RFC 3339).")
            .optional(DeliveryHeaders.ENQUEUED_AT, "When the delivery entered the platform (fan-out or replay).")
            .optional(DeliveryHeaders.FIRST_ATTEMPT_AT, "When it was first attempted.")
            .optional(DeliveryHeaders.LAST_ATTEMPT_AT, "When it was last attempted.")
            .optional(DeliveryHeaders.LAST_STATUS, "The last HTTP status; absent when no response arrived.")
            .optional(DeliveryHeaders.LAST_ERROR, "Why the last attempt failed, e.g. HTTP 500.")
            .optional(DeliveryHeaders.TARGET_URL, "Per-order callbacks: the order's callback_url.")
            .optional(DeliveryHeaders.REPLAY_OF, "A replay: the dead letter it replays (dl_…).")
            .optional(DeliveryHeaders.TRACEPARENT, "W3C trace context of the order request; sent on the webhook.")
            .optional(DeliveryHeaders.CLIENT_ID, "Per-order callbacks: the orders API client whose secret signs it.")
            .optional(DeliveryHeaders.CALLBACK_KEY_VERSIONS, "With client_id: the key versions to sign with.")
            .optional(DeliveryHeaders.EVENT_VERSION, "The event's contract version, sent as webhook-event-version;"
                    + " absent when the type is unknown to the catalog.");

    /** A dead-lettered delivery: its delivery headers and why; an unreadable record only has the dlt_ ones. */
    static final RecordHeaders DELIVERY_DEAD_LETTER = DELIVERY.optionalAll()
            .required(DeliveryHeaders.DLT_REASON, "Why the delivery was given up, e.g. exhausted: HTTP 500.")
            .optional(DeliveryHeaders.ENDPOINT_URL, "The endpoint's URL at the last attempt.")
            .optional(DeliveryHeaders.DLT_ORIGINAL_TOPIC, "Unreadable records: the topic it was read from.")
            .optional(DeliveryHeaders.DLT_ORIGINAL_PARTITION, "Unreadable records: its partition.")
            .optional(DeliveryHeaders.DLT_ORIGINAL_OFFSET, "Unreadable records: its offset.");

    /** The operators' actions on dead letters: everything is in the value. */
    static final RecordHeaders NONE = new RecordHeaders(new LinkedHashMap<>());

    /** The notification receiver's inbox record. */
    static final RecordHeaders INBOX = new RecordHeaders(new LinkedHashMap<>())
            .required(InboxRecordHeaders.WEBHOOK_ID, "The Standard Webhooks message id: the idempotency key.")
            .required(InboxRecordHeaders.EVENT_ID, "The same id under the platform-wide name.")
            .required(InboxRecordHeaders.EVENT_TYPE, "The event type, e.g. order.paid.")
            .required(InboxRecordHeaders.RECEIVED_AT, "When the webhook was accepted (RFC 3339 UTC).")
            .optional(EventHeaders.TRACEPARENT, "W3C trace context of the webhook request.");

    /**
     * An inbox record the receiver's worker gave up on: the platform's dead-letter headers; records parked before
     * the receiver wrote them carry Spring for Apache Kafka's ({@code kafka_dlt-*}, binary partition and offset).
     */
    static final RecordHeaders INBOX_DEAD_LETTER = INBOX.optionalAll()
            .optional(DeadLetterHeaders.REASON, "Why the worker gave up on it (safe to show: no address, no SQL).")
            .optional(DeadLetterHeaders.ORIGINAL_TOPIC, "The inbox topic.")
            .optional(DeadLetterHeaders.ORIGINAL_PARTITION, "The inbox record's partition, when it was read from it.")
            .optional(DeadLetterHeaders.ORIGINAL_OFFSET, "The inbox record's offset, when it was read from it.")
            .optional(KafkaHeaders.DLT_ORIGINAL_TOPIC, "Older records: the inbox topic.")
            .optional(KafkaHeaders.DLT_ORIGINAL_PARTITION, "Older records: the inbox record's partition (4-byte int).")
            .optional(KafkaHeaders.DLT_ORIGINAL_OFFSET, "Older records: the inbox record's offset (8-byte long).")
            .optional(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, "Older records: the inbox record's timestamp.")
            .optional(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, "Older records: its timestamp type.")
            .optional(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "Older records: the worker's consumer group.")
            .optional(KafkaHeaders.DLT_EXCEPTION_FQCN, "Older records: the failure's exception class.")
            .optional(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, "Older records: its cause's class.")
            .optional(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "Older records: the failure's message.")
            .optional(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, "Older records: the failure's stack trace.");

    /** The signed HTTP request the dispatcher makes of a delivery (Standard Webhooks). */
    static final RecordHeaders WEBHOOK_REQUEST = new RecordHeaders(new LinkedHashMap<>())
            .required(WebhookHeaders.ID, "The event id: the receiver's idempotency key, stable across retries.")
            .required(WebhookHeaders.TIMESTAMP, "Unix seconds when the request was signed.")
            .required(WebhookHeaders.SIGNATURE, "v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>, several"
                    + " space-separated while a secret rotates.")
            .optional(WebhookHeaders.EVENT_VERSION, "hookline's version of the type's contract; absent means 1.")
            .optional(EventHeaders.TRACEPARENT, "W3C trace context of the order request.");

    RecordHeaders required(String name, String description) {
        return with(name, new Header(description, true));
    }

    RecordHeaders optional(String name, String description) {
        return with(name, new Header(description, false));
    }

    /** The same headers, none required (a copy of a record that may have been anything). */
    RecordHeaders optionalAll() {
        Map<String, Header> copy = new LinkedHashMap<>();
        headers.forEach((name, header) -> copy.put(name, new Header(header.description(), false)));
        return new RecordHeaders(copy);
    }

    private RecordHeaders with(String name, Header header) {
        Map<String, Header> copy = new LinkedHashMap<>(headers);
        copy.put(name, header);
        return new RecordHeaders(copy);
    }

    /** The headers as a JSON Schema object of string properties. */
    ObjectNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = schema.putArray("required");
        headers.forEach((name, header) -> {
            properties.putObject(name).put("type", "string").put("description", header.description());
            if (header.required()) {
                required.add(name);
            }
        });
        if (required.isEmpty()) {
            schema.remove("required");
        }
        return schema;
    }
}
