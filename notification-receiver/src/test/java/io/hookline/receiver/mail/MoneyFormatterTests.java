package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatterTests {

    private static final char NBSP = '\u00a0';

    @Test
    void dollarsInUsEnglish() {
        assertThat(new MoneyFormatter(Locale.US).format("59.98", "USD")).isEqualTo("$59.98");
        assertThat(new MoneyFormatter(Locale.US).format("1234.5", "USD")).isEqualTo("$1,234.50");
    }

    @Test
    void eurosInGermanPutTheSignAfterWithANoBreakSpace() {
        assertThat(new MoneyFormatter(Locale.GERMANY).format("59.98", "EUR")).isEqualTo("59,98" + NBSP + "€");
    }

    @Test
    void eurosInUsEnglishUseTheSymbolInFront() {
        assertThat(new MoneyFormatter(Locale.US).format("59.98", "EUR")).isEqualTo("€59.98");
    }

    @Test
    void yenHaveNoMinorDigits() {
        assertThat(new MoneyFormatter(Locale.US).format("5998", "JPY")).isEqualTo("¥5,998");
    }

    @Test
    void wholeAmountsGetTheCurrencysMinorDigits() {
        assertThat(new MoneyFormatter(Locale.US).format("30", "USD")).isEqualTo("$30.00");
    }

    @Test
    void neverRoundsThroughADouble() {
        assertThat(new MoneyFormatter(Locale.US).format("90071992547409.93", "USD"))
                .isEqualTo("$90,071,992,547,409.93");
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThatThrownBy(() -> new MoneyFormatter(Locale.US).format("1.00", "XYZ"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
