package io.hookline.orders.order;

import io.hookline.orders.system.JsonFields;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns a {@code POST /orders} body into a {@link NewOrder}, or fails with every violation at once.
 *
 * <p>One contract, one validator: the body is evaluated against {@code new-order.request.schema.json} (the
 * {@code schemas} module), whose fields are the very definitions the {@code order.paid} and
 * {@code order.payment_failed} data reference ({@code order-fields.schema.json}), with formats asserted by the
 * same {@link ContractValidator} the consumers use. A field the schema rejects is rejected here, so every accepted
 * order yields events that conform to their contract. The checks in this class only give each field its
 * readable message ("is required", "must be at most 10000") and add rules the events do not need (a known ISO
 * 4217 code, a price above zero, a bounded total); none of them accepts what the schema rejects. E-mail
 * addresses and callback URLs are judged by the schema alone ({@code format: email}, {@code format: uri} plus
 * the host pattern). Stateless and thread-safe.
 */
@Component
public class NewOrderValidator {

    static final int MAX_QUANTITY = 10_000;
    static final int MAX_PRODUCT_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 2048;

    private static final Pattern DECIMAL = Pattern.compile("^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final String DECIMAL_STRING = "must be a decimal string, e.g. \"29.99\"";

    private final ContractValidator contracts;

    public NewOrderValidator(ContractValidator contracts) {
        this.contracts = contracts;
    }

    /** @throws io.hookline.support.problem.RequestValidationException with every bad field */
    public NewOrder validate(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        Map<String, String> schema = schemaViolations(body);
        String email = email(fields, schema);
        String productName = productName(fields);
        Integer quantity = quantity(fields);
        BigDecimal unitPrice = unitPrice(fields);
        Currency currency = currency(fields);
        String callbackUrl = callbackUrl(fields, schema);
        if (unitPrice != null && quantity != null && unitPrice.multiply(BigDecimal.valueOf(quantity))
                .compareTo(Money.MAX) > 0) {
            fields.reject("unit_price", "times quantity must not exceed " + Money.MAX.toPlainString());
        }
        schema.forEach(fields::reject); // the safety net: nothing the schema rejects passes, whatever the checks above
        fields.throwIfInvalid();
        return new NewOrder(email, productName, quantity, new Money(unitPrice, currency), callbackUrl);
    }

    /** The request schema's verdict: the first violation per top-level field, keyed by the field's name. */
    private Map<String, String> schemaViolations(JsonNode body) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (SchemaViolation violation : contracts.validate(ContractSchema.NEW_ORDER_REQUEST, body)) {
            String field = violation.field().split("\\.", 2)[0];
            byField.putIfAbsent(field, "does not conform to the order contract");
        }
        return byField;
    }

    private static String email(JsonFields fields, Map<String, String> schema) {
        String email = fields.requiredText("customer_email");
        if (email != null && schema.containsKey("customer_email")) {
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

    private static String callbackUrl(JsonFields fields, Map<String, String> schema) {
        String url = fields.optionalString("callback_url");
        if (url != null && schema.containsKey("callback_url")) {
            fields.reject("callback_url", "must be an absolute http(s) URL of at most " + MAX_URL + " characters");
        }
        return url;
    }
}
