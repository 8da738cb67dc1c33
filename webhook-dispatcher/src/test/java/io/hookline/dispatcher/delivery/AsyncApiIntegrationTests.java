package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.Topics;
import io.hookline.support.topics.TopicCatalog;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The AsyncAPI document served by the running dispatcher, and the records it really writes: every header key on
 * a delivery, a retry, a dead-lettered delivery and a dead-lettered event is declared by the document's messages
 * for that topic's channel.
 */
class AsyncApiIntegrationTests extends DispatcherIntegrationTestSupport {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void servesTheDocumentWithoutTheAdminToken() {
        HttpResponse<String> response = call("GET", "/asyncapi.json", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode document = json(response);
        assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.get("channels").valueStream().map(channel -> channel.get("address").asString()))
                .containsExactlyElementsOf(TopicCatalog.packaged().topics().keySet());
        assertThat(document.at("/components/messages/order_paid_v1/payload/allOf/1/properties/type/const").asString())
                .isEqualTo("order.paid");
    }

    @Test
    void everyHeaderOnTheDeliveryRecordsItWritesIsDeclaredForTheirChannel() {
        JsonNode document = json(call("GET", "/asyncapi.json", null, null));
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.alwaysAnswer("/alpha", event.id(), 500);

        publish(event, orderId, Map.of(EventHeaders.TRACEPARENT, TRACEPARENT));

        Predicate<ConsumerRecord<String, String>> alpha = record -> event.id().toString()
                .equals(header(record, DeliveryHeaders.EVENT_ID)) && "alpha".equals(header(record,
                        DeliveryHeaders.ENDPOINT_ID));
        assertDeclared(document, awaitRecord(topics.events(), record -> orderId.equals(record.key())));
        assertDeclared(document, awaitRecord(topics.deliveries(), alpha));
        assertDeclared(document, awaitRecord(topics.retry(1), alpha));
        ConsumerRecord<String, String> dead = awaitRecord(topics.deliveriesDeadLetter(), alpha);
        assertThat(header(dead, DeliveryHeaders.DLT_REASON)).isNotBlank();
        assertDeclared(document, dead);
    }

    @Test
    void everyHeaderOnAnEventDeadLetterIsDeclaredForItsChannel() {
        JsonNode document = json(call("GET", "/asyncapi.json", null, null));
        String orderId = newOrderId();

        publish(orderId, "this is not json {", null, null);

        ConsumerRecord<String, String> dead = awaitDeadLetter(orderId);
        assertThat(header(dead, DeliveryHeaders.DLT_REASON)).isNotBlank();
        assertDeclared(document, dead);
    }

    /** The record's header keys are among those the messages of its topic's channel declare. */
    private void assertDeclared(JsonNode document, ConsumerRecord<String, String> record) {
        String channel = platformTopic(record.topic()).replace('.', '_');
        JsonNode messages = document.at("/channels/" + channel + "/messages");
        assertThat(messages.isEmpty()).as("channel %s", channel).isFalse();
        Set<String> declared = new HashSet<>();
        messages.forEach(message -> declared.addAll(
                document.at(message.get("$ref").asString().substring(1) + "/headers/properties").propertyNames()));
        List<String> written = java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();

        assertThat(written).as("headers on %s", record.topic()).isNotEmpty();
        assertThat(declared).as("headers the document declares for %s", channel).containsAll(written);
    }

    /** This context's topics are the platform's with a namespace in front ({@link DispatcherIntegrationTestSupport}). */
    private String platformTopic(String topic) {
        String namespace = topics.events().substring(0, topics.events().length() - Topics.ORDERS_EVENTS.length());
        assertThat(topic).startsWith(namespace);
        return topic.substring(namespace.length());
    }
}
