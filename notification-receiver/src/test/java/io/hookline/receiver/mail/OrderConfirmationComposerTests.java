package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hookline.receiver.notification.HandledEvent;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.support.MailFixtures;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OrderConfirmationComposerTests {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void writesToTheCustomerWithOrderProductQuantityAndTheFormattedTotal() {
        OrderConfirmation mail = composer(Locale.US).compose(notification("evt-1", "59.98", "USD"));

        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.subject()).isEqualTo("Your order ord_0123456789 is confirmed");
        assertThat(mail.text()).contains("Order:     ord_0123456789", "Product:   Mechanical keyboard",
                "Quantity:  2", "Total:     $59.98", "hookline shop");
        assertThat(mail.text()).doesNotContain("59.98 USD");
    }

    @Test
    void formatsTheTotalForTheConfiguredLocale() {
        OrderConfirmation mail = composer(Locale.GERMANY).compose(notification("evt-2", "59.98", "EUR"));

        assertThat(mail.text()).contains("Total:     59,98\u00a0€");
    }

    @Test
    void messageIdIsDerivedFromTheEventIdSoEveryAttemptCarriesTheSameOne() {
        OrderConfirmationComposer composer = composer(Locale.US);

        assertThat(composer.compose(notification("664ba5a8-248a-4d02-b2fe-1713d802658d", "1.00", "USD")).messageId())
                .isEqualTo("<664ba5a8-248a-4d02-b2fe-1713d802658d@hookline.local>");
        assertThat(composer.messageId("evt <odd> id")).matches("<[0-9a-f]{64}@hookline\\.local>");
    }

    @Test
    void aCancellationSaysNothingWasCharged() {
        OrderConfirmation mail = composer(Locale.US).compose(notification(HandledEvent.ORDER_CANCELLED, "59.98"));

        assertThat(mail.subject()).isEqualTo("Your order ord_0123456789 was cancelled");
        assertThat(mail.text()).contains("has been cancelled. Nothing was charged.", "Order:     ord_0123456789",
                "Total:     $59.98");
    }

    @Test
    void aRefundConfirmationNamesTheRefundedAmount() {
        OrderConfirmation mail = composer(Locale.US).compose(notification(HandledEvent.ORDER_REFUNDED, "20.00"));

        assertThat(mail.subject()).isEqualTo("Your refund for order ord_0123456789");
        assertThat(mail.text()).contains("we have refunded $20.00 for your order", "Refunded:  $20.00");
    }

    @Test
    void refusesToWriteAnEMailForATypeThatSendsNone() {
        assertThatIllegalArgumentException().isThrownBy(() -> composer(Locale.US)
                .compose(notification(HandledEvent.ORDER_CREATED, "1.00"))).withMessageContaining("order.created");
    }

    private static Notification notification(HandledEvent event, String amount) {
        return Notification.received(event, "evt-" + event.name(), "ord_0123456789", "ada@example.com",
                "Mechanical keyboard", 2, amount, "USD", AT, AT);
    }

    private static OrderConfirmationComposer composer(Locale locale) {
        return new OrderConfirmationComposer(MailFixtures.properties(locale));
    }

    private static Notification notification(String eventId, String amount, String currency) {
        return Notification.received(eventId, "ord_0123456789", "ada@example.com", "Mechanical keyboard", 2, amount,
                currency, AT, AT);
    }
}
