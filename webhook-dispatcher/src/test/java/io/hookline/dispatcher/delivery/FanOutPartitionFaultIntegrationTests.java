package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.KafkaTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One partition of the delivery topic is unavailable (every send to it fails, injected in front of the real
 * producer) while one fan-out consumer owns every partition of {@code orders.events}, so its batches mix events
 * bound for the broken partition with others. The fan-out retries every second; the deliveries for the healthy
 * partitions are produced once and not again however often the batch is retried, and when the fault clears the
 * held-back ones follow: read to its end, the delivery topic holds every delivery exactly once.
 */
@Import(ProducerFaults.Configuration.class)
@TestPropertySource(properties = "spring.kafka.listener.concurrency=1")
class FanOutPartitionFaultIntegrationTests extends DispatcherIntegrationTestSupport {

    private static final int EVENTS = 24;
    private static final int BROKEN = 0;

    @AfterEach
    void clearFault() {
        ProducerFaults.INSTANCE.clear();
    }

    @Test
    void aRetryProducesOnlyWhatWasNotAcknowledgedAndTheBrokenPartitionFollowsWhenItHeals() {
        ProducerFaults.INSTANCE.failSendsTo(topics.deliveries(), BROKEN, topics.partitions());
        List<UUID> healthy = new ArrayList<>();
        List<UUID> held = new ArrayList<>();
        List<RecordMetadata> published = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String orderId = newOrderId();
            EventEnvelope<OrderPaid> event = orderPaid(orderId);
            published.add(publish(event, orderId));
            (ProducerFaults.partitionOf(orderId, topics.partitions()) == BROKEN ? held : healthy).add(event.id());
        }
        assertThat(healthy).isNotEmpty();
        assertThat(held).isNotEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredTo(healthy).keySet().containsAll(ids(healthy)));
        int failedThen = ProducerFaults.INSTANCE.failedSends();
        await().atMost(Duration.ofSeconds(30)).until(() -> ProducerFaults.INSTANCE.failedSends() >= failedThen + 3);
        assertThat(recordsPerDelivery(healthy)).as("delivery records per delivery id after several retries")
                .hasSize(2 * healthy.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
        assertThat(deliveredTo(healthy)).allSatisfy((event, endpoints) -> assertThat(endpoints)
                .contains("alpha", "beta"));
        assertThat(recordsPerDelivery(held)).isEmpty();

        ProducerFaults.INSTANCE.clear();
        Map<TopicPartition, Long> ends = published.stream().collect(Collectors.toMap(
                metadata -> new TopicPartition(metadata.topic(), metadata.partition()), RecordMetadata::offset,
                Math::max));
        ends.forEach((partition, last) -> KafkaGroups.awaitCommitted(fanOutGroup, partition, last + 1));
        List<UUID> all = new ArrayList<>(healthy);
        all.addAll(held);
        assertThat(deliveredTo(all)).hasSize(EVENTS).allSatisfy((event, endpoints) -> assertThat(endpoints)
                .contains("alpha", "beta"));
        assertThat(recordsPerDelivery(all)).as("delivery records per delivery id once the fault cleared")
                .hasSize(2 * EVENTS)
                .allSatisfy((id, count) -> assertThat(count).as(id).isOne());
    }

    /**
     * The endpoints each of these events has a delivery record for, on the delivery and retry topics read to their
     * end (other tests' endpoints in the shared database may subscribe too).
     */
    private Map<String, Set<String>> deliveredTo(List<UUID> events) {
        Set<String> ids = ids(events);
        return KafkaTopics.readToEnd(engine.consumedTopics()).stream()
                .filter(record -> ids.contains(header(record, DeliveryHeaders.EVENT_ID)))
                .collect(Collectors.groupingBy(record -> header(record, DeliveryHeaders.EVENT_ID),
                        Collectors.mapping(record -> header(record, DeliveryHeaders.ENDPOINT_ID), Collectors.toSet())));
    }

    /**
     * Records per delivery id of these events to {@code alpha} and {@code beta} on the delivery topic read to its
     * end: what the fan-out produced for them (healthy endpoints: never routed to a retry tier; the engine writes
     * only to retry topics, and other tests' endpoints may fail and be retried).
     */
    private Map<String, Long> recordsPerDelivery(List<UUID> events) {
        Set<String> ids = ids(events);
        return KafkaTopics.readToEnd(List.of(topics.deliveries())).stream()
                .filter(record -> ids.contains(header(record, DeliveryHeaders.EVENT_ID)))
                .filter(record -> Set.of("alpha", "beta").contains(header(record, DeliveryHeaders.ENDPOINT_ID)))
                .collect(Collectors.groupingBy(record -> header(record, DeliveryHeaders.DELIVERY_ID),
                        Collectors.counting()));
    }

    private static Set<String> ids(List<UUID> events) {
        return events.stream().map(UUID::toString).collect(Collectors.toSet());
    }
}
