package io.hookline.schemas.events;

/** The event types the platform publishes. */
public final class EventTypes {

    /** An order was paid: the event the confirmation e-mail hangs on. */
    public static final String ORDER_PAID = "order.paid";

    /** A payment attempt for an order was declined. */
    public static final String ORDER_PAYMENT_FAILED = "order.payment_failed";

    /** An order was placed and awaits payment. */
    public static final String ORDER_CREATED = "order.created";

    /** An unpaid order was cancelled; it can no longer be paid. */
    public static final String ORDER_CANCELLED = "order.cancelled";

    /** A paid order was refunded in full: the event the refund confirmation e-mail hangs on. */
    public static final String ORDER_REFUNDED = "order.refunded";

    /**
     * An operational event: the dispatcher disabled a webhook endpoint that failed every attempt for its
     * configured span. Travels on {@link Topics#OPERATIONAL_EVENTS}, payload {@link EndpointDisabled}.
     */
    public static final String ENDPOINT_DISABLED = "endpoint.disabled";

    private EventTypes() {
    }
}
