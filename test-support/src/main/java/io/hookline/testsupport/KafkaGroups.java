package io.hookline.testsupport;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Waits for consumer groups on the shared {@link TestKafka} broker to settle: the positive signal a test
 * waits for before it publishes, so that no rebalance moves a partition while its first records are in
 * flight (a moved partition is redelivered: at-least-once, which an exactly-once assertion would then
 * trip over). Thread-safe.
 */
public final class KafkaGroups {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private KafkaGroups() {
    }

    /**
     * Waits until the group is stable and its members own every partition of {@code topics} between them.
     *
     * @throws org.awaitility.core.ConditionTimeoutException if that does not happen within a minute
     */
    public static void awaitAssigned(String groupId, Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Awaitility.await("consumer group " + groupId + " owns every partition of " + topics)
                    .atMost(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> owned(admin, groupId).containsAll(partitions(admin, topics)));
        }
    }

    /**
     * Waits until the group has committed at least {@code offset} on the partition: everything before it is done
     * (for the fan-out: every delivery of those records produced and acknowledged).
     *
     * @throws org.awaitility.core.ConditionTimeoutException if that does not happen within a minute
     */
    public static void awaitCommitted(String groupId, TopicPartition partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Awaitility.await("consumer group " + groupId + " committed " + offset + " on " + partition)
                    .atMost(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                                .partitionsToOffsetAndMetadata().get().get(partition);
                        return committed != null && committed.offset() >= offset;
                    });
        }
    }

    private static Set<TopicPartition> owned(Admin admin, String groupId)
            throws ExecutionException, InterruptedException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        if (group.groupState() != GroupState.STABLE) {
            return Set.of();
        }
        return group.members().stream().map(MemberDescription::assignment)
                .flatMap(assignment -> assignment.topicPartitions().stream())
                .collect(Collectors.toSet());
    }

    private static Set<TopicPartition> partitions(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        return described.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toSet());
    }
}
