package io.hookline.dispatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.schemas.validation.ContractDocuments;
import io.hookline.schemas.validation.Strictness;
import io.hookline.support.topics.TopicCatalog;
import io.hookline.support.topics.TopicVerificationProperties;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AsyncApiDocumentTests {

    private static final TopicVerificationProperties REPLICATION =
            new TopicVerificationProperties(false, 3, 2, Duration.ofSeconds(30));

    private final TopicCatalog topics = TopicCatalog.packaged();
    private final JsonNode document = AsyncApiDocument.build(topics, EventCatalog.platform(), REPLICATION,
            List.of("127.0.0.1:9092"));

    @Test
    void everyTopicOfTopicsConfIsAChannelAndEveryChannelATopic() {
        List<String> addresses = document.get("channels").valueStream().map(channel -> channel.get("address").asString())
                .toList();

        assertThat(addresses).containsExactlyElementsOf(topics.topics().keySet());
        topics.topics().values().forEach(topic -> {
            JsonNode kafka = document.get("channels").get(AsyncApiDocument.channelId(topic.name())).at("/bindings/kafka");
            assertThat(kafka.get("topic").asString()).isEqualTo(topic.name());
            assertThat(kafka.get("partitions").asInt()).isEqualTo(topic.partitions());
            assertThat(kafka.get("replicas").asInt()).isEqualTo(3);
            assertThat(kafka.at("/topicConfiguration/retention.ms").asLong()).isEqualTo(topic.retentionMs());
        });
    }

    @Test
    void aTopicTheDocumentCannotDescribeFailsItsBuild() {
        TopicCatalog extended = TopicCatalog.parse("orders.events 3 604800000 delete\nshipments.events 3 1 delete\n");

        assertThatThrownBy(() -> AsyncApiDocument.build(extended, EventCatalog.platform(), REPLICATION, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shipments.events");
    }

    @Test
    void everyHeaderConstantIsDeclaredByAtLeastOneMessage() {
        Set<String> declared = new HashSet<>();
        document.at("/components/messages").forEach(message -> declared.addAll(
                message.at("/headers/properties").propertyNames()));

        for (Class<?> constants : List.of(EventHeaders.class, WebhookHeaders.class, DeliveryHeaders.class)) {
            assertThat(declared).as(constants.getSimpleName()).containsAll(constants(constants));
        }
    }

    @Test
    void hasTheRequiredStructureOfAnAsyncApi3Document() {
        assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.at("/info/title").asString()).isNotBlank();
        assertThat(document.at("/info/version").asString()).isNotBlank();
        assertThat(document.get("channels").isEmpty()).isFalse();
        assertThat(document.get("operations").isEmpty()).isFalse();
        document.get("channels").properties().forEach(channel -> {
            assertThat(channel.getKey()).matches("^[A-Za-z0-9_\\-]+$");
            assertThat(channel.getValue().get("messages").isEmpty()).as(channel.getKey()).isFalse();
        });
        document.get("operations").forEach(operation -> {
            assertThat(operation.get("action").asString()).isIn("send", "receive");
            assertThat(operation.at("/channel/$ref").asString()).startsWith("#/channels/");
            assertThat(operation.get("messages").isEmpty()).isFalse();
        });
        document.at("/components/messages").properties().forEach(message -> {
            assertThat(message.getKey()).matches("^[A-Za-z0-9.\\-_]+$");
            assertThat(message.getValue().get("payload").isObject()).as(message.getKey()).isTrue();
            assertThat(message.getValue().at("/headers/type").asString()).as(message.getKey()).isEqualTo("object");
        });
    }

    @Test
    void everyReferenceResolvesWithinTheDocument() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        });
    }

    @Test
    void everyCatalogTypeIsAMessageWhosePayloadIsItsSchemaInTheEnvelope() {
        for (EventTypeDefinition type : EventCatalog.platform().all()) {
            String id = AsyncApiMessages.id(type);
            String channel = AsyncApiDocument.channelId(type.topic());
            JsonNode payload = document.at("/components/messages/" + id + "/payload");

            assertThat(document.at("/channels/" + channel + "/messages/" + id + "/$ref").asString())
                    .isEqualTo("#/components/messages/" + id);
            assertThat(payload.at("/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/EventEnvelope");
            assertThat(payload.at("/allOf/1/properties/type/const").asString()).isEqualTo(type.name());
            JsonNode schema = document.at(payload.at("/allOf/1/properties/data/$ref").asString().substring(1));
            assertThat(schema.get("properties"))
                    .isEqualTo(ContractDocuments.resolved(type.payloadSchema(), Strictness.STRICT).get("properties"));
            assertThat(document.at("/components/messages/" + id + "/examples/0/payload"))
                    .isEqualTo(EventCatalog.example(type));
        }
    }

    @Test
    void recordKeysAreDescribedInKafkaMessageBindings() {
        assertThat(document.at("/components/messages/order_paid_v1/bindings/kafka/key/pattern").asString())
                .startsWith("^ord_");
        assertThat(document.at("/components/messages/delivery/bindings/kafka/key/pattern").asString())
                .startsWith("^ord_");
        assertThat(document.at("/components/messages/endpoint_disabled_v1/bindings/kafka/key/description").asString())
                .contains("endpoint id");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    references.add(entry.getValue().asString());
                } else {
                    collectReferences(entry.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    static Set<String> constants(Class<?> holder) {
        Set<String> values = new HashSet<>();
        Arrays.stream(holder.getFields()).filter(field -> Modifier.isStatic(field.getModifiers())
                && field.getType() == String.class).forEach(field -> values.add(value(field)));
        return values;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
