package io.hookline.dispatcher.contract;

import io.hookline.schemas.events.Topics;
import java.util.List;
import java.util.Optional;

/**
 * What one topic of {@code topics.conf} carries, who writes and who reads it: a channel of the AsyncAPI document.
 * The table follows the code that writes each topic; a topic it does not know fails the document's build, so a
 * new topic is described before it ships.
 *
 * @param description what the records are
 * @param writer who produces them
 * @param readers who consumes them
 * @param messages the ids of the messages of {@link AsyncApiMessages} it carries
 */
record TopicContract(String description, String writer, List<String> readers, List<String> messages) {

    /** The contract of a topic of {@code topics.conf}, or empty when the table does not know it. */
    static Optional<TopicContract> of(String topic, AsyncApiMessages messages) {
        if (topic.equals(Topics.ORDERS_EVENTS)) {
            return Optional.of(new TopicContract("Domain events of the orders API in the one envelope; key = order"
                    + " id, so one order's events stay in order.", "orders-api (outbox relay, acks=all)",
                    List.of("webhook-dispatcher (fan-out)", "any Kafka consumer (docs/event-contracts.md)"),
                    messages.eventsOn(Topics.ORDERS_EVENTS)));
        }
        if (topic.equals(Topics.ORDERS_EVENTS_DLT)) {
            return Optional.of(new TopicContract("Records of orders.events the fan-out could not read, as they were,"
                    + " with the reason.", "webhook-dispatcher (fan-out)",
                    List.of("webhook-dispatcher (GET /event-dead-letters)"), List.of(AsyncApiMessages.EVENT_DEAD_LETTER)));
        }
        if (topic.equals(Topics.WEBHOOKS_DELIVERIES)) {
            return Optional.of(new TopicContract("One record per (event, endpoint): the webhook body to POST.",
                    "webhook-dispatcher (fan-out, dead-letter replay)", List.of("webhook-dispatcher (delivery engine)"),
                    List.of(AsyncApiMessages.DELIVERY)));
        }
        if (topic.startsWith(Topics.WEBHOOKS_DELIVERIES + Topics.RETRY_SUFFIX)) {
            return Optional.of(new TopicContract("Deliveries waiting for their next attempt (due_at) after a failure,"
                    + " or deferred while their endpoint is busy.", "webhook-dispatcher (delivery engine)",
                    List.of("webhook-dispatcher (delivery engine)"), List.of(AsyncApiMessages.DELIVERY)));
        }
        if (topic.equals(Topics.WEBHOOKS_DELIVERIES_DLT)) {
            return Optional.of(new TopicContract("Deliveries that never succeeded, with the reason; kept until an"
                    + " operator replays or discards them.", "webhook-dispatcher (delivery engine, fan-out)",
                    List.of("webhook-dispatcher (dead-letter index: GET /dead-letters)"),
                    List.of(AsyncApiMessages.DELIVERY_DEAD_LETTER)));
        }
        if (topic.equals(Topics.WEBHOOKS_DELIVERIES_DLT_ACTIONS)) {
            return Optional.of(new TopicContract("What operators did with dead letters (replayed, discarded) and"
                    + " which replays were delivered; key = dead-letter id.",
                    "webhook-dispatcher (dead-letter API, delivery engine)",
                    List.of("webhook-dispatcher (dead-letter index)"), List.of(AsyncApiMessages.DEAD_LETTER_ACTION)));
        }
        if (topic.equals(Topics.OPERATIONAL_EVENTS)) {
            return Optional.of(new TopicContract("Operational events in the same envelope as domain events; key = the"
                    + " subject's id (an endpoint id).", "webhook-dispatcher (auto-disable)",
                    List.of("operators and their tooling"), messages.eventsOn(Topics.OPERATIONAL_EVENTS)));
        }
        if (topic.equals(Topics.NOTIFICATIONS_INBOX)) {
            return Optional.of(new TopicContract("The notification receiver's own queue: each accepted webhook body"
                    + " exactly as received; key = order id.", "notification-receiver (POST /webhooks/order-paid)",
                    List.of("notification-receiver (e-mail worker)"), List.of(AsyncApiMessages.INBOX_NOTIFICATION)));
        }
        if (topic.equals(Topics.NOTIFICATIONS_INBOX_DLT)) {
            return Optional.of(new TopicContract("Inbox records the e-mail worker gave up on, with the failure.",
                    "notification-receiver (e-mail worker)",
                    List.of("webhook-dispatcher (GET /inbox-dead-letters)"), List.of(AsyncApiMessages.INBOX_DEAD_LETTER)));
        }
        return Optional.empty();
    }
}
