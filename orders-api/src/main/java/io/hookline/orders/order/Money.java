package io.hookline.orders.order;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount of one currency, held as a {@link BigDecimal}, never a binary float.
 *
 * <p>The scale is canonical: the currency's default fraction digits, or more when the value needs more
 * ({@code 29.999 USD} stays {@code 29.999}). Nothing is ever rounded: {@code 29.9 USD} becomes
 * {@code 29.90}, {@code 100 JPY} stays {@code 100}. The same value therefore always prints the same,
 * whether it was just parsed or read back from a {@code NUMERIC(19,4)} column.
 *
 * @param amount the value, scale made canonical
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

    /** The largest amount the database and the event contract hold: 15 integer and 4 fraction digits. */
    public static final BigDecimal MAX = new BigDecimal("999999999999999.9999");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("money must not be negative");
        }
        amount = canonical(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** This amount multiplied by a quantity: exact, scale kept. */
    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** The amount as a plain decimal string, e.g. {@code 59.98}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    private static BigDecimal canonical(BigDecimal value, Currency currency) {
        int currencyScale = Math.max(0, currency.getDefaultFractionDigits());
        int neededScale = Math.max(0, value.stripTrailingZeros().scale());
        return value.setScale(Math.max(currencyScale, neededScale));
    }
}
