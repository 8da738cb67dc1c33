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

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesPerEvent().keySet().containsAll(ids(healthy)));
        int failedThen = ProducerFaults.INSTANCE.failedSends();
        await().atMost(Duration.ofSeconds(30)).until(() -> ProducerFaults.INSTANCE.failedSends() >= failedThen + 3);
        Map<String, Long> whileBroken = deliveriesPerEvent();
        assertThat(ids(healthy)).allSatisfy(id -> assertThat(whileBroken.get(id))
                .as("delivery records of healthy-partition event %s after several retries", id).isEqualTo(2L));
        assertThat(whileBroken.keySet()).doesNotContainAnyElementsOf(ids(held));

        ProducerFaults.INSTANCE.clear();
        Map<TopicPartition, Long> ends = published.stream().collect(Collectors.toMap(
                metadata -> new TopicPartition(metadata.topic(), metadata.partition()), RecordMetadata::offset,
                Math::max));
        ends.forEach((partition, last) -> KafkaGroups.awaitCommitted(fanOutGroup, partition, last + 1));
        Map<String, Long> healed = deliveriesPerEvent();
        List<UUID> all = new ArrayList<>(healthy);
        all.addAll(held);
        assertThat(ids(all)).allSatisfy(id -> assertThat(healed.get(id))
                .as("delivery records of event %s (alpha and beta, once each)", id).isEqualTo(2L));
        Map<String, Long> perDelivery = KafkaTopics.readToEnd(engine.consumedTopics()).stream()
                .filter(record -> ids(all).contains(header(record, DeliveryHeaders.EVENT_ID)))
                .collect(Collectors.groupingBy(record -> header(record, DeliveryHeaders.DELIVERY_ID),
                        Collectors.counting()));
        assertThat(perDelivery).hasSize(2 * EVENTS).allSatisfy((id, count) -> assertThat(count).isOne());
    }

    /** Delivery records per event id, on the delivery and retry topics read to their end. */
    private Map<String, Long> deliveriesPerEvent() {
        return KafkaTopics.readToEnd(engine.consumedTopics()).stream()
                .collect(Collectors.groupingBy(record -> String.valueOf(header(record, DeliveryHeaders.EVENT_ID)),
                        Collectors.counting()));
    }

    private static Set<String> ids(List<UUID> events) {
        return events.stream().map(UUID::toString).collect(Collectors.toSet());
    }
}
