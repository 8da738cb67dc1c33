package io.hookline.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hookline.orders.order.Money;
import org.junit.jupiter.api.Test;

class SimulatedPaymentProcessorTests {

    private final SimulatedPaymentProcessor processor = new SimulatedPaymentProcessor();
    private final Money amount = Money.of("59.98", "USD");

    @Test
    void visaAndMastercardAreApproved() {
        assertThat(processor.charge("tok_visa", amount)).isInstanceOf(PaymentResult.Approved.class);
        assertThat(processor.charge("tok_mastercard", amount)).isInstanceOf(PaymentResult.Approved.class);
    }

    @Test
    void declinedTokenIsDeclinedAsCardDeclined() {
        assertThat(processor.charge("tok_declined", amount)).isEqualTo(new PaymentResult.Declined("card_declined"));
    }

    @Test
    void onlyTheKnownTokensAreSupported() {
        assertThat(processor.supports("tok_visa")).isTrue();
        assertThat(processor.supports("tok_declined")).isTrue();
        assertThat(processor.supports("tok_amex")).isFalse();
        assertThat(processor.supports("TOK_VISA")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> processor.charge("tok_amex", amount));
    }
}
