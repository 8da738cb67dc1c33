package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import io.hookline.schemas.validation.ContractValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NewOrderValidatorTests {

    private final NewOrderValidator validator = new NewOrderValidator(new ContractValidator());
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void validBodyBecomesANewOrder() {
        NewOrder order = validator.validate(mapper.readTree("""
                {"customer_email": "ada@example.com", "product_name": "Keyboard", "quantity": 10000,
                 "unit_price": "29.99", "currency": "EUR", "callback_url": "http://localhost:8082/hooks"}"""));

        assertThat(order.quantity()).isEqualTo(10000);
        assertThat(order.unitPrice()).isEqualTo(Money.of("29.99", "EUR"));
        assertThat(order.callbackUrl()).isEqualTo("http://localhost:8082/hooks");
    }

    @Test
    void wrongTypesAndRangesAreReportedPerField() {
        List<FieldViolation> violations = violations("""
                {"customer_email": 5, "product_name": "%s", "quantity": "2", "unit_price": "-1",
                 "currency": "ABC", "callback_url": "/relative"}""".formatted("n".repeat(201)));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("customer_email", "product_name",
                "quantity", "unit_price", "currency", "callback_url");
    }

    @Test
    void quantityMustBeBetweenOneAndTenThousand() {
        assertThat(violations(body("0", "\"1.00\""))).containsExactly(
                new FieldViolation("quantity", "must be at least 1"));
        assertThat(violations(body("10001", "\"1.00\""))).containsExactly(
                new FieldViolation("quantity", "must be at most 10000"));
        assertThat(violations(body("1.5", "\"1.00\""))).containsExactly(
                new FieldViolation("quantity", "must be an integer"));
    }

    @Test
    void unitPriceMustBeAPositiveDecimalString() {
        assertThat(violations(body("1", "29.99"))).containsExactly(
                new FieldViolation("unit_price", "must be a decimal string, e.g. \"29.99\""));
        assertThat(violations(body("1", "\"1e3\""))).extracting(FieldViolation::field).containsExactly("unit_price");
        assertThat(violations(body("1", "\"0\""))).extracting(FieldViolation::message)
                .containsExactly("must be greater than 0");
        assertThat(violations(body("10000", "\"999999999999999\""))).extracting(FieldViolation::field)
                .containsExactly("unit_price");
    }

    /** Each of these was judged otherwise by the old regex/URI checks than by the order.paid contract. */
    @Test
    void emailAndCallbackUrlAreJudgedByTheContract() {
        assertThat(violations(withEmailAndUrl("ada@example.invalidtld", null))).containsExactly(
                new FieldViolation("customer_email", "must be a valid e-mail address"));
        assertThat(violations(withEmailAndUrl("ada@example.com", "http://1abc/"))).containsExactly(
                new FieldViolation("callback_url", "must be an absolute http(s) URL of at most 2048 characters"));
        assertThat(violations(withEmailAndUrl("ada@example.com", "http://my_host/hooks")))
                .extracting(FieldViolation::field).containsExactly("callback_url");
        assertThat(validator.validate(mapper.readTree(withEmailAndUrl("\"ada lovelace\"@example.com",
                "http://user@[::1]:8082/hooks?x=%41"))).customerEmail()).isEqualTo("\"ada lovelace\"@example.com");
        assertThat(validator.validate(mapper.readTree(withEmailAndUrl("ada@[127.0.0.1]", null))).callbackUrl())
                .isNull();
    }

    @Test
    void bodyThatIsNotAnObjectIsOneViolation() {
        assertThat(violations("[1, 2]")).containsExactly(new FieldViolation("", "must be a JSON object"));
    }

    private static String body(String quantity, String unitPrice) {
        return """
                {"customer_email": "ada@example.com", "product_name": "Pen", "quantity": %s,
                 "unit_price": %s, "currency": "USD"}""".formatted(quantity, unitPrice);
    }

    private static String withEmailAndUrl(String email, String url) {
        return """
                {"customer_email": "%s", "product_name": "Pen", "quantity": 1, "unit_price": "1.00",
                 "currency": "USD", "callback_url": %s}""".formatted(email.replace("\"", "\\\""),
                url == null ? "null" : "\"" + url + "\"");
    }

    private List<FieldViolation> violations(String json) {
        RequestValidationException failure = catchThrowableOfType(RequestValidationException.class,
                () -> validator.validate(mapper.readTree(json)));
        assertThat(failure).isNotNull();
        return failure.violations();
    }
}
