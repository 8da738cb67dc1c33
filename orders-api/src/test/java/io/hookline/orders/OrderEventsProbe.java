package io.hookline.orders;

import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.Topics;
import io.hookline.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code orders.events} from the beginning with a plain consumer of its own (unique group id, nothing
 * committed) and remembers every record. Single-threaded, like the consumer it wraps.
 *
 * <p>Every order has an {@code order.created} record first, so a test about one kind of event counts records of
 * that type ({@link #awaitRecords(String, String, int)}, {@link #readToEnd(String, String)}).
 */
public final class OrderEventsProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public OrderEventsProbe() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "orders-api-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(config);
    }

    /**
     * Assigns every partition of the topic on first use rather than at construction: a probe made in a
     * {@code @BeforeAll} exists before the application context, which is what creates the topic.
     */
    private List<TopicPartition> partitions() {
        if (partitions.isEmpty()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(Topics.ORDERS_EVENTS).isEmpty());
            consumer.partitionsFor(Topics.ORDERS_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).forEach(partitions::add);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return partitions;
    }

    /** Waits until at least {@code count} records with this key have arrived; returns all of them. */
    public List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return recordsWithKey(key).size() >= count;
        });
        return recordsWithKey(key);
    }

    /** Waits until at least {@code count} records with this key and event type have arrived; returns all of them. */
    public List<ConsumerRecord<String, String>> awaitRecords(String key, String eventType, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return ofType(recordsWithKey(key), eventType).size() >= count;
        });
        return ofType(recordsWithKey(key), eventType);
    }

    /** Reads up to the current end of every partition, then returns the records with this key and event type. */
    public List<ConsumerRecord<String, String>> readToEnd(String key, String eventType) {
        return ofType(readToEnd(key), eventType);
    }

    /** A header's value as UTF-8 text, or {@code null} when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads up to the current end of every partition, then returns the records with this key. */
    public List<ConsumerRecord<String, String>> readToEnd(String key) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return recordsWithKey(key);
    }

    /** The records with this key read so far (call {@link #readToEnd} first), without reading further. */
    public List<ConsumerRecord<String, String>> seen(String key) {
        return recordsWithKey(key);
    }

    private void poll() {
        partitions();
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    private static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            String eventType) {
        return records.stream().filter(r -> eventType.equals(header(r, EventHeaders.EVENT_TYPE))).toList();
    }

    private List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
