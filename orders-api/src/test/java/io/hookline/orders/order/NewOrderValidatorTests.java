package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.orders.system.FieldViolation;
import io.hookline.orders.system.RequestValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NewOrderValidatorTests {

    private final NewOrderValidator validator = new NewOrderValidator();
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

    @Test
    void bodyThatIsNotAnObjectIsOneViolation() {
        assertThat(violations("[1, 2]")).containsExactly(new FieldViolation("", "must be a JSON object"));
    }

    private static String body(String quantity, String unitPrice) {
        return """
                {"customer_email": "ada@example.com", "product_name": "Pen", "quantity": %s,
                 "unit_price": %s, "currency": "USD"}""".formatted(quantity, unitPrice);
    }

    private List<FieldViolation> violations(String json) {
        RequestValidationException failure = catchThrowableOfType(RequestValidationException.class,
                () -> validator.validate(mapper.readTree(json)));
        assertThat(failure).isNotNull();
        return failure.violations();
    }
}
