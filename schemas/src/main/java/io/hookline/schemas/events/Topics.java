package io.hookline.schemas.events;

/** Kafka topic names shared by the services. One place, imported everywhere. */
public final class Topics {

    /** Domain events from the orders API; key = order id. */
    public static final String ORDERS_EVENTS = "orders.events";

    /** Records of {@link #ORDERS_EVENTS} the dispatcher could not read or deliver, with the reason. */
    public static final String ORDERS_EVENTS_DLT = "orders.events.dlt";

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
