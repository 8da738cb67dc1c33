package io.hookline.chaos.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the platform's progress from the broker: how far each consumer group's committed offsets are behind the
 * end of the topics it consumes (the work not finished yet), and how many records every dead-letter topic holds.
 * The run's broker is fresh, so a topic's end offset is its record count. Not thread-safe.
 */
public final class KafkaLedger implements AutoCloseable {

    /** Each consumer group of the platform and the topics whose work it owns. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "webhook-dispatcher", List.of("orders.events"),
            "webhook-dispatcher-deliveries", deliveryTopics(),
            "notification-receiver", List.of("notifications.inbox"));

    public static final List<String> DEAD_LETTER_TOPICS = List.of("orders.events.dlt", "webhooks.deliveries.dlt",
            "notifications.inbox.dlt");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final Admin admin;

    public KafkaLedger(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000));
    }

    private static List<String> deliveryTopics() {
        List<String> topics = new ArrayList<>(List.of("webhooks.deliveries"));
        for (int step = 1; step <= 7; step++) {
            topics.add("webhooks.deliveries.retry." + step);
        }
        return List.copyOf(topics);
    }

    /** Records not yet committed by the group that owns them, per topic (topics with none left out). */
    public Map<String, Long> unfinished() throws InterruptedException {
        Map<String, Long> lag = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata());
            for (Map.Entry<TopicPartition, Long> end : endOffsets(group.getValue()).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                long behind = end.getValue() - (at == null ? 0 : at.offset());
                if (behind > 0) {
                    lag.merge(end.getKey().topic(), behind, Long::sum);
                }
            }
        }
        return lag;
    }

    /** Records on each dead-letter topic. */
    public Map<String, Long> deadLetters() throws InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets(DEAD_LETTER_TOPICS);
        Map<String, Long> counts = new LinkedHashMap<>();
        DEAD_LETTER_TOPICS.forEach(topic -> counts.put(topic, 0L));
        ends.forEach((partition, end) -> counts.merge(partition.topic(), end, Long::sum));
        return counts;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(request).all());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
