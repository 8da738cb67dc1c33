package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.KafkaTopics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The delivery engine's loop dies (every poll of its consumer throws, injected in front of the real consumer) while
 * deliveries are in flight to a slow endpoint: readiness goes DOWN naming {@code delivery-engine}, the supervisor
 * restarts it with a fresh consumer once the fault clears, readiness is UP again, and every delivery, those in
 * flight at the death and those published during the outage, reaches the endpoint exactly once and is committed.
 * A stopped fan-out listener container also takes readiness DOWN ({@code fanout}).
 * (Attempt timeouts are far above the endpoint's second, so no first attempt fails and is retried on a busy machine.)
 */
@Import(ConsumerFaults.Configuration.class)
@TestPropertySource(properties = {
        "hookline.supervision.initial-backoff=200ms",
        "hookline.supervision.max-backoff=1s",
        "hookline.dispatcher.http.response-timeout=20s",
        "hookline.dispatcher.http.first-attempt-timeout=20s",
        "management.endpoint.health.show-details=always"})
class DeliveryEngineSupervisionIntegrationTests extends DispatcherIntegrationTestSupport {

    private static final int EVENTS = 10;

    @Autowired
    EndpointDirectory directory;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterEach
    void clearFault() {
        ConsumerFaults.INSTANCE.clear();
    }

    @Test
    void aLoopThatDiesIsReportedAndRestartedAndNoDeliveryIsLostOrSentTwice() {
        String path = "/held/1000/supervision-" + UUID.randomUUID();
        String body = "{\"url\":\"" + webhooks.url(path) + "\",\"event_types\":[\"order.paid\"]}";
        HttpResponse<String> created = admin("POST", "/endpoints", body);
        assertThat(created.statusCode()).isEqualTo(201);
        String endpointId = json(created).get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(endpointId).isPresent());
        List<UUID> inFlight = publish(EVENTS);
        await().atMost(Duration.ofSeconds(20)).until(() -> inFlight.stream()
                .allMatch(id -> webhooks.received(path, id).size() == 1));

        ConsumerFaults.INSTANCE.failPollsOf(engineProperties.groupId());
        await().atMost(Duration.ofSeconds(20)).until(() -> engineLoop().path("state").asString().equals("RESTARTING"));
        HttpResponse<String> down = call("GET", "/actuator/health/readiness", null, null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).at("/components/loops/components/delivery-engine/details/last_failure").asString())
                .contains("injected poll failure");
        List<UUID> duringOutage = publish(EVENTS);
        ConsumerFaults.INSTANCE.clear();

        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/actuator/health/readiness", null, null)
                .statusCode() == 200);
        assertThat(engineLoop().path("restarts").asInt()).isPositive();
        List<UUID> all = new ArrayList<>(inFlight);
        all.addAll(duringOutage);
        awaitCommittedPast(all);
        assertThat(all).allSatisfy(id -> assertThat(webhooks.received(path, id)).as("POSTs of %s", id).hasSize(1));
        assertThat(ConsumerFaults.INSTANCE.failedPolls()).isPositive();
        assertThat(admin("DELETE", "/endpoints/" + endpointId, null).statusCode()).isEqualTo(204);
    }

    @Test
    void aStoppedFanOutListenerTakesReadinessDownUntilItRunsAgain() {
        MessageListenerContainer fanOut = listeners.getListenerContainer("orders-events-fanout");
        fanOut.stop();
        try {
            HttpResponse<String> down = call("GET", "/actuator/health/readiness", null, null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(json(down).at("/components/fanout/status").asString()).isEqualTo("DOWN");
            assertThat(json(down).at("/components/fanout/details/state").asString()).isEqualTo("stopped");
        } finally {
            fanOut.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/actuator/health/readiness", null, null)
                .statusCode() == 200);
        KafkaGroups.awaitAssigned(fanOutGroup, List.of(topics.events()));
    }

    private JsonNode engineLoop() {
        return json(call("GET", "/actuator/health/readiness", null, null))
                .at("/components/loops/components/" + DeliveryEngine.LOOP_NAME + "/details");
    }

    private List<UUID> publish(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = newOrderId();
            EventEnvelope<OrderPaid> event = orderPaid(orderId);
            publish(event, orderId);
            ids.add(event.id());
        }
        return ids;
    }

    /** Waits until the engine committed past every delivery record of these events (they are all done). */
    private void awaitCommittedPast(List<UUID> events) {
        Set<String> ids = events.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.readToEnd(List.of(topics.deliveries()))
                .stream().filter(record -> ids.contains(header(record, DeliveryHeaders.EVENT_ID)))
                .map(record -> header(record, DeliveryHeaders.EVENT_ID)).distinct().count() == ids.size());
        Map<TopicPartition, Long> last = KafkaTopics.readToEnd(List.of(topics.deliveries())).stream()
                .filter(record -> ids.contains(header(record, DeliveryHeaders.EVENT_ID)))
                .collect(Collectors.toMap(record -> new TopicPartition(record.topic(), record.partition()),
                        ConsumerRecord::offset, Math::max));
        last.forEach((partition, offset) -> KafkaGroups.awaitCommitted(engineProperties.groupId(), partition,
                offset + 1));
    }
}
