package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void totalIsExactUnitPriceTimesQuantity() {
        assertThat(Money.of("29.99", "USD").times(3).toPlainString()).isEqualTo("89.97");
        assertThat(Money.of("0.1", "USD").times(3).toPlainString()).isEqualTo("0.30");
    }

    @Test
    void scaleIsTheCurrencyDefault() {
        assertThat(Money.of("30", "USD").times(2).toPlainString()).isEqualTo("60.00");
        assertThat(Money.of("1500", "JPY").times(2).toPlainString()).isEqualTo("3000");
        assertThat(Money.of("1.5", "KWD").toPlainString()).isEqualTo("1.500");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreKeptNotRounded() {
        assertThat(Money.of("0.3333", "USD").times(3).toPlainString()).isEqualTo("0.9999");
        assertThat(Money.of("100.5", "JPY").times(3).toPlainString()).isEqualTo("301.5");
    }

    @Test
    void valueReadBackFromANumericColumnPrintsAsBefore() {
        Money stored = new Money(new BigDecimal("29.9900"), Currency.getInstance("USD"));

        assertThat(stored.toPlainString()).isEqualTo("29.99");
        assertThat(stored).isEqualTo(Money.of("29.99", "USD"));
    }
}
