package io.hookline.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.WebhookMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ContractValidatorTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ContractValidator validator = new ContractValidator(mapper);

    private final OrderPaid paid = new OrderPaid("ord_0f8fad5bd9cb469fa16570867728950e", "ada@example.com",
            "Mechanical keyboard", 2, new BigDecimal("29.99"), "USD", new BigDecimal("59.98"),
            Instant.parse("2026-11-22T10:15:30.123Z"), null);
    private final EventEnvelope<OrderPaid> event = new EventEnvelope<>(
            UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), EventTypes.ORDER_PAID,
            Instant.parse("2026-11-22T10:15:30.123Z"), paid);

    @Test
    void serializedOrderPaidEventConformsToTheEnvelopeSchema() {
        String json = mapper.writeValueAsString(event);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json)).isEmpty();
        assertThat(json).contains("\"unit_price\":\"29.99\"", "\"amount\":\"59.98\"",
                "\"occurred_at\":\"2026-11-22T10:15:30.123Z\"").doesNotContain("callback_url");
    }

    @Test
    void serializedWebhookBodyConformsToTheWebhookSchema() {
        OrderPaid withCallback = new OrderPaid(paid.orderId(), paid.customerEmail(), paid.productName(),
                paid.quantity(), paid.unitPrice(), paid.currency(), paid.amount(), paid.paidAt(),
                "https://shop.example/callbacks/42");
        WebhookMessage<OrderPaid> body = WebhookMessage.of(
                new EventEnvelope<>(event.id(), event.type(), event.occurredAt(), withCallback));

        assertThat(validator.validateObject(ContractSchema.ORDER_PAID_WEBHOOK, body)).isEmpty();
    }

    @Test
    void moneyAsABinaryFloatIsRejectedWithTheFieldAndTheReason() {
        ObjectNode json = mapper.valueToTree(event);
        ((ObjectNode) json.get("data")).put("amount", 59.98);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("data.amount");
                    assertThat(violation.message()).contains("string");
                });
    }

    @Test
    void everyMissingOrMalformedFieldIsListed() {
        ObjectNode json = mapper.valueToTree(event);
        ObjectNode data = (ObjectNode) json.get("data");
        data.remove("customer_email");
        data.put("currency", "usd");
        data.put("quantity", 0);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json))
                .extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder("data.customer_email", "data.currency", "data.quantity");
    }

    @Test
    void envelopeWithoutIdOrWithUnknownFieldsIsRejected() {
        ObjectNode json = mapper.valueToTree(event);
        json.remove("id");
        json.put("extra", true);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json))
                .extracting(SchemaViolation::toString)
                .anySatisfy(reason -> assertThat(reason).startsWith("id: ").contains("required"))
                .anySatisfy(reason -> assertThat(reason).contains("extra"));
    }

    @Test
    void textThatIsNotJsonIsOneReadableViolation() {
        assertThat(validator.validate(ContractSchema.ORDER_PAID_WEBHOOK, "{not json"))
                .containsExactly(new SchemaViolation("", "is not valid JSON"));
    }

    @Test
    void invalidEmailFormatIsAsserted() {
        ObjectNode json = mapper.valueToTree(paid);
        json.put("customer_email", "not-an-email");

        assertThat(validator.validate(ContractSchema.ORDER_PAID, json))
                .extracting(SchemaViolation::field)
                .containsExactly("customer_email");
    }
}
