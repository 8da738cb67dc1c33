package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A second source by configuration alone: another service of the shop publishes its own event type
 * ({@code shipment.dispatched}) as envelopes on its own topic; with {@code hookline.dispatcher.fanout.sources} and
 * {@code hookline.dispatcher.catalog.event-types} set, the dispatcher delivers it to subscribed endpoints like an order event
 * (signed, with its contract version), endpoints may subscribe to it, and a poison record of that topic is parked
 * with its origin and replayed back onto it, not onto {@code orders.events}.
 */
class SecondSourceIntegrationTests extends DeadLetterIntegrationTestSupport {

    /** The other service's topic: created before the context starts, as its owner would (the dispatcher does not). */
    private static final String SHOP_EVENTS = "shop-events-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SHIPMENT_DISPATCHED = "shipment.dispatched";

    @DynamicPropertySource
    static void secondSource(DynamicPropertyRegistry registry) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(SHOP_EVENTS, 3, (short) 1))).all().get();
        }
        // Its own database: the support's fixed H2 name would be shared with the support's other context, whose index
        // holds dead letters with the same ids (dle_<partition>_<offset> is unique per topic set, not across two).
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + SHOP_EVENTS + ";DB_CLOSE_DELAY=-1");
        registry.add("hookline.dispatcher.fanout.sources[0]", () -> SHOP_EVENTS);
        registry.add("hookline.dispatcher.catalog.event-types[0].name", () -> SHIPMENT_DISPATCHED);
        registry.add("hookline.dispatcher.catalog.event-types[0].description", () -> "A shipment left the warehouse.");
        registry.add("hookline.dispatcher.catalog.event-types[0].topic", () -> SHOP_EVENTS);
        registry.add("hookline.dispatcher.catalog.event-types[0].schema",
                () -> "classpath:catalog/shipment-dispatched.schema.json");
    }

    @Test
    void anEventOfTheSecondSourceIsDeliveredToItsSubscribersWithItsContractVersion() {
        String shipmentId = "shp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID eventId = UUID.randomUUID();
        String data = "{\"shipment_id\":\"" + shipmentId + "\",\"order_id\":\"ord_1\",\"carrier\":\"DHL\","
                + "\"weight_kg\":1.50}";
        HttpResponse<String> subscribed = admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url("/shipments")
                + "\",\"event_types\":[\"" + SHIPMENT_DISPATCHED + "\"]}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(list("/event-types/" + SHIPMENT_DISPATCHED).get("source").asString()).isEqualTo("configured");

        ProducerRecord<String, String> event = new ProducerRecord<>(SHOP_EVENTS, shipmentId, "{\"id\":\"" + eventId
                + "\",\"type\":\"" + SHIPMENT_DISPATCHED + "\",\"occurred_at\":\"2026-12-04T09:00:00Z\",\"data\":"
                + data + "}");
        event.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(event).join();

        for (String path : List.of("/shipments", "/omega")) {
            RecordingWebhookServer.ReceivedRequest received = await().atMost(Duration.ofSeconds(30))
                    .until(() -> webhooks.received(path, eventId), list -> !list.isEmpty()).get(0);
            assertThat(received.bodyText()).isEqualTo("{\"type\":\"" + SHIPMENT_DISPATCHED
                    + "\",\"timestamp\":\"2026-12-04T09:00:00Z\",\"data\":" + data + "}");
            assertThat(received.header(WebhookHeaders.EVENT_VERSION)).isEqualTo("1");
            assertThat(received.header(WebhookHeaders.SIGNATURE)).startsWith("v1,");
        }
        assertThat(webhooks.received("/alpha", eventId)).as("alpha takes order.paid only").isEmpty();
    }

    @Test
    void aPoisonRecordOfTheSecondSourceIsParkedWithItsOriginAndReplayedBackOntoIt() {
        String key = "shp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        kafkaTemplate.send(new ProducerRecord<>(SHOP_EVENTS, key, "{\"id\":\"not-a-uuid\"}")).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> list("/event-dead-letters?order_id=" + key)
                .get("data").size() == 1);
        JsonNode parked = list("/event-dead-letters?order_id=" + key).get("data").get(0);
        String id = parked.get("id").asString();
        assertThat(parked.get("original_topic").asString()).isEqualTo(SHOP_EVENTS);
        assertThat(parked.get("reason").asString()).startsWith("poison: the event breaks the envelope schema");
        assertThat(list("/event-dead-letters/" + id).get("replays_to").asString()).isEqualTo(SHOP_EVENTS);

        assertThat(admin("POST", "/event-dead-letters/" + id + "/replay", null).statusCode()).isEqualTo(202);

        List<ConsumerRecord<String, String>> replays = KafkaTopics.readToEnd(List.of(SHOP_EVENTS)).stream()
                .filter(record -> id.equals(KafkaTopics.header(record, "replay_of"))).toList();
        assertThat(replays).singleElement().satisfies(record -> assertThat(record.key()).isEqualTo(key));
        assertThat(KafkaTopics.readToEnd(List.of(topics.events())).stream()
                .filter(record -> id.equals(KafkaTopics.header(record, "replay_of")))).isEmpty();
    }
}
