package io.hookline.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hookline.orders.order.Money;
import io.hookline.orders.order.Order;
import io.hookline.orders.order.OrderStatus;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.OrderPaymentFailed;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderEventsTests {

    private final ContractValidator contracts = new ContractValidator();
    private final Instant created = Instant.parse("2026-03-01T10:15:30.123Z");

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
    void eventsAreOnlyBuiltForTheMatchingState() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderEvents.paid(order(null), UUID.randomUUID()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderEvents.paymentFailed(order(null), UUID.randomUUID()));
    }

    private Order order(String callbackUrl) {
        Money unitPrice = Money.of("29.99", "USD");
        return new Order("ord_0123456789abcdef0123456789abcdef", OrderStatus.PENDING_PAYMENT, "ada@example.com",
                "Keyboard", 3, unitPrice, unitPrice.times(3), callbackUrl, null, created, created, null, null);
    }
}
