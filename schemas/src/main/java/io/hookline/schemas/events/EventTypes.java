package io.hookline.schemas.events;

/** The event types the platform publishes. */
public final class EventTypes {

    /** An order was paid: the event the confirmation e-mail hangs on. */
    public static final String ORDER_PAID = "order.paid";

    /** A payment attempt for an order was declined. */
    public static final String ORDER_PAYMENT_FAILED = "order.payment_failed";

    private EventTypes() {
    }
}
