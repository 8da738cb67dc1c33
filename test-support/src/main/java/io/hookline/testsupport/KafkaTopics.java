package io.hookline.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics of the shared {@link TestKafka} broker completely, from the beginning up to the end offsets they
 * have when the call starts, without a consumer group. This is how a test proves that something was <em>not</em>
 * produced without waiting for time to pass: once the producer's work is known to be done (an acknowledged send,
 * a committed source offset), every record it made lies below those end offsets. Thread-safe.
 */
public final class KafkaTopics {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private KafkaTopics() {
    }

    /** A header's value as UTF-8 text, or {@code null} when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record of the topics up to their current end offsets; a topic that does not exist has none. */
    public static List<ConsumerRecord<String, String>> readToEnd(Collection<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(LIMIT).forEach((name, infos) -> {
                if (topics.contains(name)) {
                    infos.forEach(info -> partitions.add(new TopicPartition(name, info.partition())));
                }
            });
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LIMIT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, LIMIT) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end offsets " + ends);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }
}
