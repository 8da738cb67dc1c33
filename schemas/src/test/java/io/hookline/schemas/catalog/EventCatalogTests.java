package io.hookline.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventCatalogTests {

    private final EventCatalog catalog = EventCatalog.platform();
    private final ContractValidator strict = new ContractValidator();

    @Test
    void everyEventTypeConstantIsInTheCatalog() {
        String[] constants = Arrays.stream(EventTypes.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(EventCatalogTests::value).toArray(String[]::new);

        assertThat(catalog.all()).extracting(EventTypeDefinition::name).containsExactlyInAnyOrder(constants);
    }

    @Test
    void everyExampleIsAnEnvelopeOfItsTypeThatAProducerMayPublish() {
        for (EventTypeDefinition type : catalog.all()) {
            JsonNode example = EventCatalog.example(type);

            assertThat(example.get("type").asString()).as(type.name()).isEqualTo(type.name());
            assertThat(strict.validate(ContractSchema.EVENT_ENVELOPE, example)).as(type.name()).isEmpty();
            assertThat(strict.validate(type.payloadSchema(), example.get("data"))).as(type.name()).isEmpty();
        }
    }

    @Test
    void onlyOrderEventsAreDeliverableAsWebhooks() {
        assertThat(catalog.isDeliverable(EventTypes.ORDER_REFUNDED)).isTrue();
        assertThat(catalog.isDeliverable(EventTypes.ENDPOINT_DISABLED)).isFalse();
        assertThat(catalog.isDeliverable("order.shipped")).isFalse();
    }

    @Test
    void theReaderSchemaOfATypeAcceptsUnknownFields() {
        EventTypeDefinition paid = catalog.latest(EventTypes.ORDER_PAID).orElseThrow();

        JsonNode schema = EventCatalog.readerSchema(paid);

        assertThat(schema.has("additionalProperties")).isFalse();
        assertThat(schema.get("required")).isNotEmpty();
        assertThat(schema.toString()).doesNotContain("$ref");
        assertThat(schema.at("/properties/amount/pattern").asString()).startsWith("^(0|[1-9]");
    }

    @Test
    void theResolvedSchemaValidatesLikeTheFileItCameFrom() {
        EventTypeDefinition refunded = catalog.latest(EventTypes.ORDER_REFUNDED).orElseThrow();
        JsonNode data = EventCatalog.example(refunded).get("data");
        com.networknt.schema.Schema standalone = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(EventCatalog.readerSchema(refunded));

        assertThat(standalone.validate(data)).isEmpty();
        assertThat(standalone.validate(((tools.jackson.databind.node.ObjectNode) data.deepCopy())
                .put("refunded_amount", 59.98))).isNotEmpty();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
