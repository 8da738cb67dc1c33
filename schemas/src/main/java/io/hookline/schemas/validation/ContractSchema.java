package io.hookline.schemas.validation;

/** The JSON Schema files of the platform, under {@code classpath:schemas/}: the source of truth. */
public enum ContractSchema {

    /** Any event on {@code orders.events} or {@code hookline.operational-events}; checks the payload too for the types it knows. */
    EVENT_ENVELOPE("event-envelope.schema.json"),

    /** The fields of an order, defined once ({@code $defs} only): the request and the events reference them. */
    ORDER_FIELDS("order-fields.schema.json"),

    /** The body of a {@code POST /orders} request: the order fields that a client supplies. */
    NEW_ORDER_REQUEST("new-order.request.schema.json"),

    /** The {@code data} of an {@code order.paid} event. */
    ORDER_PAID("order-paid.schema.json"),

    /** The body of an {@code order.paid} webhook request. */
    ORDER_PAID_WEBHOOK("order-paid.webhook.schema.json"),

    /** The {@code data} of an {@code order.payment_failed} event. */
    ORDER_PAYMENT_FAILED("order-payment-failed.schema.json"),

    /** The {@code data} of an {@code endpoint.disabled} operational event. */
    ENDPOINT_DISABLED("endpoint-disabled.schema.json"),

    /** The {@code data} of an {@code order.created} event. */
    ORDER_CREATED("order-created.schema.json"),

    /** The body of an {@code order.created} webhook request. */
    ORDER_CREATED_WEBHOOK("order-created.webhook.schema.json"),

    /** The {@code data} of an {@code order.cancelled} event. */
    ORDER_CANCELLED("order-cancelled.schema.json"),

    /** The body of an {@code order.cancelled} webhook request. */
    ORDER_CANCELLED_WEBHOOK("order-cancelled.webhook.schema.json"),

    /** The {@code data} of an {@code order.refunded} event. */
    ORDER_REFUNDED("order-refunded.schema.json"),

    /** The body of an {@code order.refunded} webhook request. */
    ORDER_REFUNDED_WEBHOOK("order-refunded.webhook.schema.json");

    /** The base of every schema {@code $id}; mapped to the classpath, never fetched. */
    public static final String ID_BASE = "https://hookline.io/schemas/";

    private final String fileName;

    ContractSchema(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public String id() {
        return ID_BASE + fileName;
    }
}
