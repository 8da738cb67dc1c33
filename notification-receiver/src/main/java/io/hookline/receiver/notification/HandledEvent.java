package io.hookline.receiver.notification;

import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractSchema;
import java.util.Optional;

/**
 * The event types this receiver acts on, the webhook contract it checks each against (in tolerant mode: fields
 * it does not know are ignored) and what it does with it. A type not listed here is acknowledged and ignored
 * ({@code event_ignored}), as Standard Webhooks consumers are told to do, so that a new event type never makes
 * the sender retry.
 */
public enum HandledEvent {

    /** Recorded, no e-mail: the customer hears from the shop once the order is paid (or cancelled). */
    ORDER_CREATED(EventTypes.ORDER_CREATED, ContractSchema.ORDER_CREATED_WEBHOOK, "amount", false),

    /** The order confirmation e-mail. */
    ORDER_PAID(EventTypes.ORDER_PAID, ContractSchema.ORDER_PAID_WEBHOOK, "amount", true),

    /** The cancellation e-mail. */
    ORDER_CANCELLED(EventTypes.ORDER_CANCELLED, ContractSchema.ORDER_CANCELLED_WEBHOOK, "amount", true),

    /** The refund confirmation e-mail, about the refunded amount. */
    ORDER_REFUNDED(EventTypes.ORDER_REFUNDED, ContractSchema.ORDER_REFUNDED_WEBHOOK, "refunded_amount", true);

    private final String type;
    private final ContractSchema webhookSchema;
    private final String amountField;
    private final boolean sendsEmail;

    HandledEvent(String type, ContractSchema webhookSchema, String amountField, boolean sendsEmail) {
        this.type = type;
        this.webhookSchema = webhookSchema;
        this.amountField = amountField;
        this.sendsEmail = sendsEmail;
    }

    /** The event type, e.g. {@code order.paid}. */
    public String type() {
        return type;
    }

    /** The webhook body contract of this type. */
    public ContractSchema webhookSchema() {
        return webhookSchema;
    }

    /** The {@code data} field holding the amount the notification is about. */
    public String amountField() {
        return amountField;
    }

    /** Whether a notification of this type gets an e-mail. */
    public boolean sendsEmail() {
        return sendsEmail;
    }

    /** The handled event of {@code type}, or empty for a type this receiver ignores. */
    public static Optional<HandledEvent> of(String type) {
        for (HandledEvent event : values()) {
            if (event.type.equals(type)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
