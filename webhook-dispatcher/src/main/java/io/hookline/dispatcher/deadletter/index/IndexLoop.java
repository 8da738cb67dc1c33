package io.hookline.dispatcher.deadletter.index;

import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterActions;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterProperties;
import io.hookline.dispatcher.deadletter.DeadLetterSources;
import io.hookline.support.supervision.LoopBody;
import io.hookline.support.supervision.LoopContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The indexer's loop. Each round: (re)assign the topics' partitions when due; seek every partition to the
 * position the database holds (the start of the partition when it holds none, e.g. after the index tables were
 * emptied; further on when another instance got ahead); poll; index the batch in one transaction
 * ({@link DeadLetterIndex#apply}). A batch that fails (another instance inserted the same row, the database is
 * down) is simply read again from the database's positions next round. Once the actions topic is read to its end,
 * claims older than the claim timeout that it never confirmed are released. One instance is one run of the
 * supervised loop {@value DeadLetterIndexer#LOOP}, on its thread, with its own consumer.
 */
final class IndexLoop implements LoopBody {

    private static final Logger log = LoggerFactory.getLogger(IndexLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Consumer<String, String> consumer;
    private final List<String> topics;
    private final DeadLetterIndex index;
    private final DeadLetterActions actions;
    private final DeadLetterSources sources;
    private final DeadLetterProperties properties;
    private final Clock clock;
    private LoopContext context;
    private List<TopicPartition> assigned = List.of();
    private Instant nextPartitionCheck = Instant.MIN;
    private Instant nextClaimCheck = Instant.MIN;

    IndexLoop(Consumer<String, String> consumer, DeadLetterSources sources, DeadLetterIndex index,
            DeadLetterActions actions, DeadLetterProperties properties, Clock clock) {
        this.consumer = consumer;
        List<String> read = new ArrayList<>(sources.deadLetterTopics());
        read.add(actions.topic());
        this.topics = List.copyOf(read);
        this.sources = sources;
        this.index = index;
        this.actions = actions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs until the context is stopping. A round whose database work fails is read again from the stored positions
     * a second later; anything else (a broken consumer, a bug) ends the run, closing the consumer, and the
     * supervisor starts a fresh one with a new consumer.
     */
    @Override
    public void run(LoopContext context) {
        this.context = context;
        try {
            while (!context.stopping()) {
                try {
                    step();
                } catch (DataAccessException | TransactionException e) {
                    log.warn("Dead-letter indexing failed; retrying from the stored positions: {}", e.toString());
                    await(RETRY_AFTER);
                }
                context.progress();
            }
        } finally {
            consumer.close();
        }
    }

    private void step() {
        if (!clock.instant().isBefore(nextPartitionCheck)) {
            assignPartitions();
            forgetExpiredRecords();
        }
        if (assigned.isEmpty()) {
            await(RETRY_AFTER);
            return;
        }
        Map<TopicPartition, Long> stored = seekToStoredPositions();
        ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
            index(records);
        } else if (!clock.instant().isBefore(nextClaimCheck)) {
            releaseUnconfirmedClaims(stored);
        }
    }

    private void assignPartitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        boolean complete = topics.stream()
                .allMatch(topic -> partitions.stream().anyMatch(p -> p.topic().equals(topic)));
        nextPartitionCheck = clock.instant().plus(complete ? properties.partitionCheckInterval() : RETRY_AFTER);
        if (!partitions.equals(assigned)) {
            consumer.assign(partitions);
            assigned = List.copyOf(partitions);
            log.info("Dead-letter index reads {} partitions of {}", partitions.size(), topics);
        }
    }

    /**
     * Pending dead letters of {@code orders.events.dlt} and {@code notifications.inbox.dlt} are kept as long as their
     * topic keeps the record (30 days by default): below a partition's first offset they are gone from Kafka, so
     * they go from the index too (at most a batch per partition per check; the deliveries' dead-letter topic keeps
     * its records forever).
     */
    private void forgetExpiredRecords() {
        List<TopicPartition> records = assigned.stream()
                .filter(p -> sources.recordSource(p.topic()).isPresent()).toList();
        if (!records.isEmpty()) {
            consumer.beginningOffsets(records).forEach((partition, first) -> {
                int forgotten = index.forgetBefore(partition, first);
                if (forgotten > 0) {
                    log.info("Forgot {} dead letters of {} below offset {}: the topic no longer has them", forgotten,
                            partition, first);
                }
            });
        }
    }

    /** Makes the consumer read from where the database says each partition's index ends. */
    private Map<TopicPartition, Long> seekToStoredPositions() {
        Map<TopicPartition, Long> stored = new HashMap<>(index.positions(topics));
        List<TopicPartition> unknown = assigned.stream().filter(p -> !stored.containsKey(p)).toList();
        if (!unknown.isEmpty()) {
            stored.putAll(consumer.beginningOffsets(unknown));
        }
        for (TopicPartition partition : assigned) {
            long target = stored.get(partition);
            if (consumer.position(partition) != target) {
                consumer.seek(partition, target);
            }
        }
        return stored;
    }

    private void index(ConsumerRecords<String, String> records) {
        List<DeadLetterEntry> entries = new ArrayList<>();
        List<DeadLetterIndex.IndexedAction> indexed = new ArrayList<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (partition.topic().equals(actions.topic())) {
                    action(record).ifPresent(indexed::add);
                } else {
                    entries.add(sources.entry(record));
                }
                next.put(partition, record.offset() + 1);
            }
        }
        index.apply(entries, indexed, next);
    }

    private Optional<DeadLetterIndex.IndexedAction> action(ConsumerRecord<String, String> record) {
        Optional<DeadLetterAction> action = record.value() == null ? Optional.empty() : actions.parse(record.value());
        if (action.isEmpty()) {
            log.warn("Skipping {}-{}@{}: not a dead-letter action", record.topic(), record.partition(),
                    record.offset());
        }
        return action.map(a -> new DeadLetterIndex.IndexedAction(record.topic(), record.partition(), record.offset(),
                a));
    }

    /**
     * Releases claims the actions topic never confirmed (the instance that made one died before producing its
     * action), but only once the index has read every actions partition to the end offsets of now, so that an
     * action produced within the claim timeout would have been seen.
     */
    private void releaseUnconfirmedClaims(Map<TopicPartition, Long> stored) {
        nextClaimCheck = clock.instant().plus(properties.claimTimeout().dividedBy(4));
        List<TopicPartition> actionPartitions = assigned.stream()
                .filter(p -> p.topic().equals(actions.topic())).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(actionPartitions);
        boolean caughtUp = ends.entrySet().stream()
                .allMatch(end -> stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
        if (!caughtUp) {
            nextClaimCheck = clock.instant();
            return;
        }
        index.unconfirmedClaims(clock.instant().minus(properties.claimTimeout())).forEach((id, at) -> {
            log.warn("Releasing the claim on dead letter {} made at {}: its action never reached {}", id, at,
                    actions.topic());
            index.releaseClaim(id, at);
        });
    }

    private void await(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (!context.stopping() && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
