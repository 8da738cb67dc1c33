package io.hookline.chaos.measure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code orders.events} from the beginning to its end offsets (no consumer group) once the run is over and
 * counts what the outbox relays published: records, distinct event ids (header {@code event_id}), events published
 * more than once, and paid orders without an {@code order.paid} event or with several (the key is the order id; the
 * type is header {@code event_type}). Every order also has an {@code order.created} event, so only {@code order.paid}
 * records count for the last two.
 *
 * @param records records on the topic
 * @param eventIds distinct event ids among them
 * @param republished records whose event id came earlier already
 * @param paidWithoutEvent paid orders with no {@code order.paid} event
 * @param ordersWithSeveralEvents orders (keys) with more than one distinct {@code order.paid} event id
 */
public record OrderEventsAudit(long records, long eventIds, long republished, long paidWithoutEvent,
        long ordersWithSeveralEvents) {

    private static final String TOPIC = "orders.events";
    private static final String EVENT_ID = "event_id";
    private static final String EVENT_TYPE = "event_type";
    private static final String ORDER_PAID = "order.paid";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    public static OrderEventsAudit of(String bootstrapServers, Set<String> paidOrders) {
        Map<String, Integer> perEvent = new HashMap<>();
        Map<String, Set<String>> eventsPerOrder = new HashMap<>();
        long records = 0;
        for (ConsumerRecord<String, String> record : readToEnd(bootstrapServers)) {
            records++;
            String eventId = header(record, EVENT_ID);
            eventId = eventId == null ? "(none) " + record.offset() : eventId;
            perEvent.merge(eventId, 1, Integer::sum);
            if (!ORDER_PAID.equals(header(record, EVENT_TYPE))) {
                continue;
            }
            eventsPerOrder.computeIfAbsent(String.valueOf(record.key()), k -> new java.util.HashSet<>()).add(eventId);
        }
        long republished = perEvent.values().stream().mapToLong(count -> count - 1).sum();
        long withoutEvent = paidOrders.stream().filter(id -> !eventsPerOrder.containsKey(id)).count();
        long several = eventsPerOrder.values().stream().filter(ids -> ids.size() > 1).count();
        return new OrderEventsAudit(records, perEvent.size(), republished, withoutEvent, several);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, LIMIT).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LIMIT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, LIMIT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("orders.events not read to its end within 2 min");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
