package io.hookline.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaymentFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OrderPaymentFailedContractTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ContractValidator validator = new ContractValidator(mapper);

    private final OrderPaymentFailed failed = new OrderPaymentFailed("ord_0f8fad5bd9cb469fa16570867728950e",
            "ada@example.com", "Mechanical keyboard", 2, new BigDecimal("29.99"), "USD", new BigDecimal("59.98"),
            "card_declined", Instant.parse("2026-11-22T10:15:30.123Z"), "https://shop.example/callbacks/42");
    private final EventEnvelope<OrderPaymentFailed> event = new EventEnvelope<>(
            UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), EventTypes.ORDER_PAYMENT_FAILED,
            Instant.parse("2026-11-22T10:15:30.123Z"), failed);

    @Test
    void serializedPaymentFailedEventConformsToTheEnvelopeSchema() {
        String json = mapper.writeValueAsString(event);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json)).isEmpty();
        assertThat(validator.validateObject(ContractSchema.ORDER_PAYMENT_FAILED, failed)).isEmpty();
        assertThat(json).contains("\"type\":\"order.payment_failed\"", "\"failure_reason\":\"card_declined\"",
                "\"amount\":\"59.98\"", "\"failed_at\":\"2026-11-22T10:15:30.123Z\"",
                "\"callback_url\":\"https://shop.example/callbacks/42\"");
    }

    @Test
    void withoutCallbackUrlTheFieldIsOmittedAndStillValid() {
        OrderPaymentFailed noCallback = new OrderPaymentFailed(failed.orderId(), failed.customerEmail(),
                failed.productName(), failed.quantity(), failed.unitPrice(), failed.currency(), failed.amount(),
                failed.failureReason(), failed.failedAt(), null);

        assertThat(mapper.writeValueAsString(noCallback)).doesNotContain("callback_url");
        assertThat(validator.validateObject(ContractSchema.ORDER_PAYMENT_FAILED, noCallback)).isEmpty();
    }

    @Test
    void envelopeChecksThePaymentFailedPayloadByType() {
        ObjectNode json = mapper.valueToTree(event);
        ObjectNode data = (ObjectNode) json.get("data");
        data.remove("failure_reason");
        data.put("amount", 59.98);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json))
                .extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder("data.failure_reason", "data.amount");
    }

    @Test
    void paidPayloadUnderThePaymentFailedTypeIsRejected() {
        ObjectNode json = mapper.valueToTree(event);
        ObjectNode data = (ObjectNode) json.get("data");
        data.remove("failure_reason");
        data.remove("failed_at");
        data.put("paid_at", "2026-11-22T10:15:30.123Z");

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json))
                .extracting(SchemaViolation::field)
                .contains("data.failure_reason", "data.failed_at");
    }

    @Test
    void failureReasonMustBeAMachineReadableCode() {
        ObjectNode json = mapper.valueToTree(failed);
        json.put("failure_reason", "Card Declined!");

        assertThat(validator.validate(ContractSchema.ORDER_PAYMENT_FAILED, json))
                .extracting(SchemaViolation::field)
                .containsExactly("failure_reason");
    }
}
