package io.hookline.dispatcher.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.events.EventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

class EventTypeRegistryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void holdsEveryPlatformTypeWithItsStandaloneReaderSchemaAndExample() {
        EventTypeRegistry registry = registry(List.of());

        assertThat(registry.all()).extracting(EventType::name).containsExactlyElementsOf(
                EventCatalog.platform().all().stream().map(type -> type.name()).toList());
        EventType refunded = registry.latest(EventTypes.ORDER_REFUNDED).orElseThrow();
        assertThat(refunded.version()).isEqualTo(1);
        assertThat(refunded.source()).isEqualTo(EventType.PLATFORM);
        assertThat(refunded.schema().get("required").valueStream().map(n -> n.asString()))
                .contains("refund_id", "refunded_amount");
        assertThat(refunded.schema().toString()).doesNotContain("$ref").doesNotContain("\"additionalProperties\":false");
        assertThat(refunded.example().get("type").asString()).isEqualTo(EventTypes.ORDER_REFUNDED);
    }

    @Test
    void onlyDeliverableTypesMayBeSubscribedTo() {
        EventTypeRegistry registry = registry(List.of());

        assertThat(registry.isDeliverable(EventTypes.ORDER_CANCELLED)).isTrue();
        assertThat(registry.isDeliverable(EventTypes.ENDPOINT_DISABLED)).as("operational, Kafka only").isFalse();
        assertThat(registry.isDeliverable("order.shipped")).isFalse();
        assertThat(registry.deliverableNames()).contains(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID)
                .doesNotContain(EventTypes.ENDPOINT_DISABLED);
    }

    @Test
    void addsTheTypesOfOtherSourcesFromConfiguration() {
        EventTypeRegistry registry = registry(List.of(new CatalogProperties.ConfiguredEventType(
                "shipment.dispatched", 2, "A shipment left the warehouse.", "shop.events",
                new ClassPathResource("catalog/shipment-dispatched.schema.json"), null)));

        EventType shipment = registry.latest("shipment.dispatched").orElseThrow();
        assertThat(shipment.source()).isEqualTo(EventType.CONFIGURED);
        assertThat(shipment.version()).isEqualTo(2);
        assertThat(shipment.topic()).isEqualTo("shop.events");
        assertThat(shipment.schema().get("required").toString()).contains("shipment_id");
        assertThat(shipment.example()).isNull();
        assertThat(registry.isDeliverable("shipment.dispatched")).isTrue();
    }

    @Test
    void refusesToStartOnAConfiguredTypeThatIsAPlatformTypeOrWhoseSchemaIsNotJson() {
        assertThatIllegalStateException().isThrownBy(() -> registry(List.of(
                new CatalogProperties.ConfiguredEventType(EventTypes.ORDER_PAID, 1, "mine", "shop.events", null,
                        null)))).withMessageContaining("order.paid is a platform event type");
        assertThatIllegalStateException().isThrownBy(() -> registry(List.of(
                new CatalogProperties.ConfiguredEventType("shipment.dispatched", 1, "x", "shop.events",
                        new ByteArrayResource("{not json".getBytes(), "broken schema"), null))))
                .withMessageContaining("cannot read").withMessageContaining("broken schema");
        assertThatIllegalStateException().isThrownBy(() -> registry(List.of(
                new CatalogProperties.ConfiguredEventType("shipment.dispatched", 1, "x", "shop.events", null, null),
                new CatalogProperties.ConfiguredEventType("shipment.dispatched", 1, "y", "shop.events", null, null))))
                .withMessageContaining("declared twice");
    }

    private static EventTypeRegistry registry(List<CatalogProperties.ConfiguredEventType> configured) {
        return new EventTypeRegistry(new CatalogProperties(configured), JSON);
    }
}
