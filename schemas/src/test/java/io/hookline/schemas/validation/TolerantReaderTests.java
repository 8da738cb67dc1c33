package io.hookline.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.events.EventTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** A v1 reader accepts an event with added fields; a producer does not publish one. */
class TolerantReaderTests {

    private final ContractValidator producer = new ContractValidator();
    private final ContractValidator consumer = ContractValidator.tolerant();

    private ObjectNode paidEvent() {
        return (ObjectNode) EventCatalog.example(EventCatalog.platform().latest(EventTypes.ORDER_PAID).orElseThrow());
    }

    @Test
    void aFieldAddedToThePayloadIsAcceptedByReadersAndRefusedToProducers() {
        ObjectNode event = paidEvent();
        ((ObjectNode) event.get("data")).put("loyalty_points", 120);

        assertThat(consumer.validate(ContractSchema.EVENT_ENVELOPE, event)).isEmpty();
        assertThat(producer.validate(ContractSchema.EVENT_ENVELOPE, event)).isNotEmpty();
    }

    @Test
    void aFieldAddedToTheEnvelopeAndTheWebhookBodyIsAcceptedByReaders() {
        ObjectNode event = paidEvent();
        event.put("source", "orders-api");
        ObjectNode body = event.objectNode();
        body.put("type", EventTypes.ORDER_PAID);
        body.set("timestamp", event.get("occurred_at"));
        body.set("data", event.get("data"));
        body.put("api_version", "2026-12-01");

        assertThat(consumer.validate(ContractSchema.EVENT_ENVELOPE, event)).isEmpty();
        assertThat(consumer.validate(ContractSchema.ORDER_PAID_WEBHOOK, body)).isEmpty();
        assertThat(producer.validate(ContractSchema.ORDER_PAID_WEBHOOK, body)).isNotEmpty();
    }

    @Test
    void readersStillRefuseAMissingOrMistypedFieldTheyUse() {
        ObjectNode missing = paidEvent();
        ((ObjectNode) missing.get("data")).remove("customer_email");
        ObjectNode mistyped = paidEvent();
        ((ObjectNode) mistyped.get("data")).put("amount", 59.98);

        assertThat(consumer.validate(ContractSchema.EVENT_ENVELOPE, missing))
                .extracting(SchemaViolation::field).containsExactly("data.customer_email");
        assertThat(consumer.validate(ContractSchema.EVENT_ENVELOPE, mistyped))
                .extracting(SchemaViolation::field).containsExactly("data.amount");
    }
}
