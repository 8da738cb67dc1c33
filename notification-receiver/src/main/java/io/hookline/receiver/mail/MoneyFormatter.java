package io.hookline.receiver.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats an exact decimal amount in its ISO 4217 currency for one locale, with the currency's own number
 * of minor digits: {@code 59.98 USD} in {@code en-US} is {@code $59.98}, {@code 59.98 EUR} in
 * {@code de-DE} is {@code 59,98 €} (Java's CLDR data puts a no-break space before the sign),
 * {@code 5998 JPY} in {@code en-US} is {@code ¥5,998}. Never goes through a double. Thread-safe.
 */
public final class MoneyFormatter {

    private final Locale locale;

    public MoneyFormatter(Locale locale) {
        this.locale = locale;
    }

    /**
     * @throws IllegalArgumentException if the amount is not a decimal number or the currency not ISO 4217
     */
    public String format(String amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal value = new BigDecimal(amount);
        format.setMinimumFractionDigits(Math.max(digits, Math.min(value.scale(), 4)));
        format.setMaximumFractionDigits(Math.max(digits, Math.min(value.scale(), 4)));
        return format.format(value);
    }
}
