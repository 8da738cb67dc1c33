package io.hookline.dispatcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark's view of the broker through an {@link Admin} client: creates a run's topics (named as the
 * dispatcher's {@code hookline.dispatcher.topics.*} are set by {@link DispatcherLauncher}), waits for a consumer group
 * to own a topic, and counts the records on a run's retry and dead-letter topics. Not thread-safe.
 */
final class BenchTopics implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final Admin admin;

    BenchTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records on a run's retry topics ({@code <prefix>.webhooks.deliveries.retry.*}) and its dead-letter topic. */
    record RetryAndDeadLetterRecords(long retry, long deadLetter) {

        long total() {
            return retry + deadLetter;
        }
    }

    /**
     * Creates the run's topics up front and waits until every partition has a leader, as in a deployment
     * where topics exist long before traffic: a produce racing a brand-new topic's leader election was seen
     * to stall the idempotent producer (OutOfOrderSequenceException) for the delivery timeout.
     */
    void create(String prefix, int retryTopics) {
        List<String> names = new ArrayList<>(List.of(prefix + ".orders.events", prefix + ".orders.events.dlt",
                prefix + ".webhooks.deliveries", prefix + ".webhooks.deliveries.dlt"));
        for (int n = 1; n <= retryTopics; n++) {
            names.add(prefix + ".webhooks.deliveries.retry." + n);
        }
        createTopics(names);
    }

    /** Creates these topics ({@link #PARTITIONS} partitions each) and waits until every partition has a leader. */
    void createTopics(List<String> names) {
        try {
            List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
            admin.createTopics(topics).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        BenchWaits.awaitUntil(() -> leadersElected(names), Duration.ofSeconds(30));
        BenchWaits.pause(Duration.ofSeconds(1));
    }

    private boolean leadersElected(List<String> names) {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null));
        } catch (InterruptedException | ExecutionException e) {
            return false;
        }
    }

    /**
     * Waits until the members of consumer group {@code group} together own every partition of {@code topic}
     * (works for consumers that subscribe with that group id). Says whether that happened within {@code limit}.
     */
    boolean awaitAssigned(String group, String topic, Duration limit) {
        return BenchWaits.waitFor(() -> assignedPartitions(group, topic) >= PARTITIONS, limit);
    }

    private long assignedPartitions(String group, String topic) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.members().stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream())
                    .filter(partition -> partition.topic().equals(topic)).distinct().count();
        } catch (InterruptedException | ExecutionException e) {
            return 0;
        }
    }

    /**
     * End-offset sums (the topics are new, so they start at 0) over whichever
     * {@code <prefix>.webhooks.deliveries.retry.*} topics exist (the dispatcher may declare more than were created)
     * and {@code <prefix>.webhooks.deliveries.dlt}.
     */
    RetryAndDeadLetterRecords records(String prefix) {
        String deliveries = prefix + ".webhooks.deliveries";
        String deadLetter = deliveries + ".dlt";
        try {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(deliveries + ".retry.") || name.equals(deadLetter)).toList();
            Map<TopicPartition, Long> ends = endOffsets(topics);
            long dead = ends.entrySet().stream().filter(end -> end.getKey().topic().equals(deadLetter))
                    .mapToLong(Map.Entry::getValue).sum();
            long all = ends.values().stream().mapToLong(Long::longValue).sum();
            return new RetryAndDeadLetterRecords(all - dead, dead);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records on these (new) topics: the sum of their end offsets. */
    long recordsOn(List<String> topics) {
        try {
            return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
