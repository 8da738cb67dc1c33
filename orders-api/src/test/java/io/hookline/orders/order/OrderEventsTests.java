package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderCancelled;
import io.hookline.schemas.events.OrderCreated;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.OrderPaymentFailed;
import io.hookline.schemas.events.OrderRefunded;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderEventsTests {

    private final ContractValidator contracts = new ContractValidator();
    private final Instant created = Instant.parse("2026-03-01T10:15:30.123Z");

    @Test
    void newOrderBecomesAnOrderCreatedEnvelopeThatMatchesTheContract() {
        Order order = order("https://shop.example.com/hooks/6");
        UUID eventId = UUID.randomUUID();

        EventEnvelope<OrderCreated> envelope = OrderEvents.created(order, eventId);

        assertThat(envelope.id()).isEqualTo(eventId);
        assertThat(envelope.type()).isEqualTo(EventTypes.ORDER_CREATED);
        assertThat(envelope.occurredAt()).isEqualTo(created);
        assertThat(envelope.data().createdAt()).isEqualTo(created);
        assertThat(envelope.data().amount()).isEqualByComparingTo("89.97");
        assertThat(envelope.data().callbackUrl()).isEqualTo("https://shop.example.com/hooks/6");
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, envelope)).isEmpty();
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, OrderEvents.created(order(null), eventId)))
                .isEmpty();
    }

    @Test
    void paidOrderBecomesAnEnvelopeThatMatchesTheContract() {
        Order paid = order(null).paid(created.plusSeconds(5));
        UUID eventId = UUID.randomUUID();

        EventEnvelope<OrderPaid> envelope = OrderEvents.paid(paid, eventId);

        assertThat(envelope.id()).isEqualTo(eventId);
        assertThat(envelope.type()).isEqualTo(EventTypes.ORDER_PAID);
        assertThat(envelope.occurredAt()).isEqualTo(paid.paidAt());
        assertThat(envelope.data().amount()).isEqualByComparingTo("89.97");
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, envelope)).isEmpty();
    }

    @Test
    void callbackUrlTravelsWithTheEvent() {
        Order paid = order("https://shop.example.com/hooks/7").paid(created);

        EventEnvelope<OrderPaid> envelope = OrderEvents.paid(paid, UUID.randomUUID());

        assertThat(envelope.data().callbackUrl()).isEqualTo("https://shop.example.com/hooks/7");
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, envelope)).isEmpty();
    }

    @Test
    void declinedOrderBecomesAPaymentFailedEventWithReasonAndCallback() {
        Instant declinedAt = created.plusSeconds(9);
        Order failed = order("https://shop.example.com/hooks/8").paymentFailed("card_declined", declinedAt);

        EventEnvelope<OrderPaymentFailed> envelope = OrderEvents.paymentFailed(failed, UUID.randomUUID());

        assertThat(envelope.type()).isEqualTo(EventTypes.ORDER_PAYMENT_FAILED);
        assertThat(envelope.occurredAt()).isEqualTo(declinedAt);
        assertThat(envelope.data().failureReason()).isEqualTo("card_declined");
        assertThat(envelope.data().failedAt()).isEqualTo(declinedAt);
        assertThat(envelope.data().callbackUrl()).isEqualTo("https://shop.example.com/hooks/8");
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, envelope)).isEmpty();
    }

    @Test
    void cancelledOrderBecomesAnOrderCancelledEventWithReason() {
        Instant cancelledAt = created.plusSeconds(11);
        Order cancelled = order("https://shop.example.com/hooks/9").paymentFailed("card_declined", created)
                .cancelled("out_of_stock", cancelledAt);

        EventEnvelope<OrderCancelled> envelope = OrderEvents.cancelled(cancelled, UUID.randomUUID());

        assertThat(envelope.type()).isEqualTo(EventTypes.ORDER_CANCELLED);
        assertThat(envelope.occurredAt()).isEqualTo(cancelledAt);
        assertThat(envelope.data().cancellationReason()).isEqualTo("out_of_stock");
        assertThat(envelope.data().cancelledAt()).isEqualTo(cancelledAt);
        assertThat(envelope.data().callbackUrl()).isEqualTo("https://shop.example.com/hooks/9");
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, envelope)).isEmpty();
    }

    @Test
    void refundedOrderBecomesAnOrderRefundedEventForTheFullAmount() {
        Instant refundedAt = created.plusSeconds(13);
        Order refunded = order(null).paid(created.plusSeconds(5))
                .refunded("re_0123456789abcdef01234567", "requested_by_customer", refundedAt);

        EventEnvelope<OrderRefunded> envelope = OrderEvents.refunded(refunded, UUID.randomUUID());

        assertThat(envelope.type()).isEqualTo(EventTypes.ORDER_REFUNDED);
        assertThat(envelope.occurredAt()).isEqualTo(refundedAt);
        assertThat(envelope.data().refundId()).isEqualTo("re_0123456789abcdef01234567");
        assertThat(envelope.data().refundedAmount()).isEqualByComparingTo("89.97");
        assertThat(envelope.data().refundedAmount()).isEqualTo(envelope.data().amount());
        assertThat(envelope.data().refundReason()).isEqualTo("requested_by_customer");
        assertThat(envelope.data().refundedAt()).isEqualTo(refundedAt);
        assertThat(contracts.validateObject(ContractSchema.EVENT_ENVELOPE, envelope)).isEmpty();
    }

    @Test
    void eventsAreOnlyBuiltForTheMatchingState() {
        Order pending = order(null);
        Order paid = pending.paid(created);
        assertThatIllegalArgumentException().isThrownBy(() -> OrderEvents.paid(pending, UUID.randomUUID()));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderEvents.paymentFailed(pending, UUID.randomUUID()));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderEvents.cancelled(pending, UUID.randomUUID()));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderEvents.refunded(paid, UUID.randomUUID()));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderEvents.created(paid, UUID.randomUUID()));
    }

    private Order order(String callbackUrl) {
        Money unitPrice = Money.of("29.99", "USD");
        return new Order("ord_0123456789abcdef0123456789abcdef", OrderStatus.PENDING_PAYMENT, "ada@example.com",
                "Keyboard", 3, unitPrice, unitPrice.times(3), callbackUrl, null, created, created, null, null, null,
                null);
    }
}
