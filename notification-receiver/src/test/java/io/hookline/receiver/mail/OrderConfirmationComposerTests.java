package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static OrderConfirmationComposer composer(Locale locale) {
        return new OrderConfirmationComposer(MailFixtures.properties(locale));
    }

    private static Notification notification(String eventId, String amount, String currency) {
        return Notification.received(eventId, "ord_0123456789", "ada@example.com", "Mechanical keyboard", 2, amount,
                currency, AT, AT);
    }
}
