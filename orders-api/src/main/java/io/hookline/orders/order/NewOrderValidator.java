package io.hookline.orders.order;

import io.hookline.orders.system.JsonFields;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns a {@code POST /orders} body into a {@link NewOrder}, or fails with every violation at once. The rules
 * are those of the {@code order.paid} contract, so every accepted order yields a valid event. Stateless and
 * thread-safe.
 */
@Component
public class NewOrderValidator {

    static final int MAX_QUANTITY = 10_000;
    static final int MAX_PRODUCT_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 2048;

    private static final Pattern DECIMAL = Pattern.compile("^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}"
            + "(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    private static final String DECIMAL_STRING = "must be a decimal string, e.g. \"29.99\"";

    public NewOrder validate(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String email = email(fields);
        String productName = productName(fields);
        Integer quantity = quantity(fields);
        BigDecimal unitPrice = unitPrice(fields);
        Currency currency = currency(fields);
        String callbackUrl = callbackUrl(fields);
        if (unitPrice != null && quantity != null && unitPrice.multiply(BigDecimal.valueOf(quantity))
                .compareTo(Money.MAX) > 0) {
            fields.reject("unit_price", "times quantity must not exceed " + Money.MAX.toPlainString());
        }
        fields.throwIfInvalid();
        return new NewOrder(email, productName, quantity, new Money(unitPrice, currency), callbackUrl);
    }

    private static String email(JsonFields fields) {
        String email = fields.requiredText("customer_email");
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            fields.reject("customer_email", "must be a valid e-mail address");
        }
        return email;
    }

    private static String productName(JsonFields fields) {
        String name = fields.requiredText("product_name");
        if (name != null && name.codePointCount(0, name.length()) > MAX_PRODUCT_NAME) {
            fields.reject("product_name", "must be at most " + MAX_PRODUCT_NAME + " characters");
        }
        return name;
    }

    private static Integer quantity(JsonFields fields) {
        Integer quantity = fields.requiredInt("quantity");
        if (quantity != null && quantity < 1) {
            fields.reject("quantity", "must be at least 1");
        } else if (quantity != null && quantity > MAX_QUANTITY) {
            fields.reject("quantity", "must be at most " + MAX_QUANTITY);
        }
        return fields.isValid("quantity") ? quantity : null;
    }

    private static BigDecimal unitPrice(JsonFields fields) {
        String text = fields.requiredString("unit_price", DECIMAL_STRING);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            fields.reject("unit_price", DECIMAL_STRING + " with at most 4 decimal places");
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0) {
            fields.reject("unit_price", "must be greater than 0");
            return null;
        }
        return value;
    }

    private static Currency currency(JsonFields fields) {
        String code = fields.requiredString("currency", "must be a string");
        if (code == null) {
            return null;
        }
        if (CURRENCY.matcher(code).matches()) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // falls through to the violation below
            }
        }
        fields.reject("currency", "must be an ISO 4217 currency code, e.g. \"USD\"");
        return null;
    }

    private static String callbackUrl(JsonFields fields) {
        String url = fields.optionalString("callback_url");
        if (url != null && !isHttpUrl(url)) {
            fields.reject("callback_url", "must be an absolute http(s) URL of at most " + MAX_URL + " characters");
        }
        return url;
    }

    static boolean isHttpUrl(String url) {
        if (url.length() > MAX_URL || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
