package io.hookline.schemas.events;

/** Kafka topic names shared by the services. One place, imported everywhere. */
public final class Topics {

    /** Domain events from the orders API; key = order id. */
    public static final String ORDERS_EVENTS = "orders.events";

    /** Records of {@link #ORDERS_EVENTS} the dispatcher could not read or deliver, with the reason. */
    public static final String ORDERS_EVENTS_DLT = "orders.events.dlt";

    /**
     * The dispatcher's deliveries: one record per (event, endpoint), value = the webhook body, key = the event's
     * record key (the order id). Its retry topics are {@code webhooks.deliveries.retry.<step>} ({@link #RETRY_SUFFIX}), its dead-letter topic
     * {@link #WEBHOOKS_DELIVERIES_DLT}.
     */
    public static final String WEBHOOKS_DELIVERIES = "webhooks.deliveries";

    /** What a retry topic's name adds to its delivery topic's before the step number. */
    public static final String RETRY_SUFFIX = ".retry.";

    /** What a dead-letter topic's name adds to its source topic's. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** What the topic of the operators' actions on a dead-letter topic adds to its name. */
    public static final String ACTIONS_SUFFIX = ".actions";

    /** Deliveries that never succeeded, with the reason; kept until an operator replays or discards them. */
    public static final String WEBHOOKS_DELIVERIES_DLT = WEBHOOKS_DELIVERIES + DEAD_LETTER_SUFFIX;

    /** The operators' actions on dead letters (replayed, discarded, replay delivered); key = dead-letter id. */
    public static final String WEBHOOKS_DELIVERIES_DLT_ACTIONS = WEBHOOKS_DELIVERIES_DLT + ACTIONS_SUFFIX;

    /** The notification receiver's own queue of accepted webhooks; key = order id. */
    public static final String NOTIFICATIONS_INBOX = "notifications.inbox";

    /** Inbox records the receiver's worker could not process, with the reason. */
    public static final String NOTIFICATIONS_INBOX_DLT = "notifications.inbox.dlt";

    /**
     * The platform's operational events for operators and their tooling (e.g. {@link EventTypes#ENDPOINT_DISABLED}),
     * in the same envelope as domain events; key = the subject's id (an endpoint id).
     */
    public static final String OPERATIONAL_EVENTS = "hookline.operational-events";

    private Topics() {
    }
}
