package io.hookline.schemas.events;

/** The event types the platform publishes. */
public final class EventTypes {

    /** An order was paid: the event the confirmation e-mail hangs on. */
    public static final String ORDER_PAID = "order.paid";

    /** A payment attempt for an order was declined. */
    public static final String ORDER_PAYMENT_FAILED = "order.payment_failed";

    /**
     * An operational event: the dispatcher disabled a webhook endpoint that failed every attempt for its
     * configured span. Travels on {@link Topics#OPERATIONAL_EVENTS}, payload {@link EndpointDisabled}.
     */
    public static final String ENDPOINT_DISABLED = "endpoint.disabled";

    private EventTypes() {
    }
}
