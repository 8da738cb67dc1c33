package io.hookline.dispatcher.delivery;

import io.hookline.support.logging.LogFields;
import io.hookline.support.supervision.LoopContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the delivery engine's consumer loop over the delivery topic and the retry topics, on its own
 * consumer. One thread owns the consumer; deliveries run concurrently on the HTTP client's event loop and report
 * back through {@link Completions}.
 * <ul>
 * <li>In flight: at most {@code maxInFlight}; at the cap every partition is sought back to its first unstarted
 * record and paused until a quarter of the slots are free again.</li>
 * <li>Due times ({@link RetryTiers#decide}): a retry-tier record not yet eligible stops its partition: seek back
 * to it, pause the partition, resume it when it is eligible. No thread sleeps; the consumer keeps polling (and
 * heart-beating). An eligible record due within the park limit waits in {@link ParkedDeliveries} while its
 * partition goes on; one due later is forwarded (produced again) to the tier that covers its wait.</li>
 * <li>One record never stops the loop: an exception while handing a record to the handler dead-letters it.</li>
 * <li>Commits: per partition, only up to the lowest unfinished offset ({@link PartitionProgress}), so a crash
 * redelivers what was in flight (at-least-once); rebalances: {@link PartitionRevocation}.</li>
 * </ul>
 * Failure contract: {@link #run} returns after a requested stop (having drained and closed the consumer) and
 * throws if the loop itself fails (poll, commit, a rebalance callback), leaving the consumer open so that the
 * engine can {@link #salvage()} the run: wait for its deliveries in flight, commit what finished, close. Both run
 * on the loop's thread (or, for {@code salvage}, on a thread that runs after it ended).
 */
final class DeliveryLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(10);
    private static final Duration COMMIT_BEFORE_CLOSE = Duration.ofSeconds(5);

    private final Consumer<String, String> consumer;
    private final List<String> topics;
    private final DeliveryHandler handler;
    private final EngineProperties properties;
    private final Clock clock;
    private final Map<String, Integer> tierOfTopic;
    private final RetryTiers tiers;
    private final ParkedDeliveries parked;
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final Map<TopicPartition, Instant> waitingUntil = new HashMap<>();
    private final Completions completions = new Completions();
    private final OffsetCommits commits;
    private final PartitionRevocation revocation;
    private boolean pausedAtCapacity;

    /** {@code tierOfTopic}: retry tier of each retry topic; the delivery topic is tier 0. */
    DeliveryLoop(Consumer<String, String> consumer, List<String> topics, DeliveryHandler handler,
            EngineProperties properties, Clock clock, Map<String, Integer> tierOfTopic, RetryTiers tiers,
            int maxParked) {
        this.tierOfTopic = Map.copyOf(tierOfTopic);
        this.tiers = tiers;
        this.parked = new ParkedDeliveries(maxParked);
        this.commits = new OffsetCommits(consumer, progress, properties.commitInterval());
        this.consumer = consumer;
        this.topics = topics;
        this.handler = handler;
        this.properties = properties;
        this.clock = clock;
        this.revocation = new PartitionRevocation(consumer, completions, commits, parked, progress, waitingUntil,
                handler, properties.revocationTimeout(), () -> pausedAtCapacity);
    }

    /** Runs until {@code context} is stopping, then drains and closes; throws if the loop fails. */
    void run(LoopContext context) {
        consumer.subscribe(topics, revocation);
        while (!context.stopping()) {
            step();
            context.progress();
        }
        drain();
        close();
    }

    /**
     * After {@link #run} threw: waits (bounded by the shutdown timeout) for the deliveries the run had in flight,
     * commits what finished (best effort: the consumer may be broken) and closes the consumer. Nothing unfinished
     * is committed, so the next run consumes it again.
     */
    void salvage() {
        try {
            awaitAllInFlight(properties.shutdownTimeout());
            commits.commitBeforeClose(COMMIT_BEFORE_CLOSE);
        } catch (RuntimeException e) {
            log.warn("Could not commit after the delivery loop died; unfinished records will be redelivered: {}",
                    e.toString());
        }
        if (completions.inFlight() > 0) {
            log.warn("The dead delivery loop left {} deliveries in flight; they will be delivered again",
                    completions.inFlight());
        }
        close();
    }

    private void step() {
        handler.deferOverdue();
        completions.collect(Duration.ZERO);
        startParkedThatAreDue();
        resumeWhatIsDue();
        commits.commitIfDue();
        ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
        boolean full = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> batch = records.records(partition);
            if (full) {
                consumer.seek(partition, batch.getFirst().offset());
            } else {
                full = !start(partition, batch);
            }
        }
        if (full) {
            consumer.pause(consumer.assignment());
            pausedAtCapacity = true;
        }
    }

    /** Starts the partition's records in order; {@code false} when the in-flight cap stopped it. */
    private boolean start(TopicPartition partition, List<ConsumerRecord<String, String>> batch) {
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition, p -> new PartitionProgress());
        Instant now = clock.instant();
        for (ConsumerRecord<String, String> record : batch) {
            if (completions.inFlight() >= properties.maxInFlight()) {
                consumer.seek(partition, record.offset());
                return false;
            }
            Runnable done = completions.once(partition, partitionProgress, record.offset());
            DeliveryRecord delivery;
            try {
                delivery = DeliveryRecord.from(record);
            } catch (IllegalArgumentException e) {
                begin(partition, partitionProgress, record);
                handler.rejectUnreadable(record.topic(), record.partition(), record.offset(), record.key(),
                        record.value(), e.getMessage(), done);
                continue;
            }
            if (!startOne(partition, partitionProgress, record, delivery, done, now)) {
                return true;
            }
        }
        return true;
    }

    /** Starts, parks or forwards one record; {@code false} when its partition must wait for it. */
    private boolean startOne(TopicPartition partition, PartitionProgress partitionProgress,
            ConsumerRecord<String, String> record, DeliveryRecord delivery, Runnable done, Instant now) {
        RetryTiers.Verdict verdict = tiers.decide(tierOfTopic.getOrDefault(record.topic(), 0),
                Instant.ofEpochMilli(record.timestamp()), delivery.dueAt(), now);
        if (verdict instanceof RetryTiers.Verdict.Park(Instant dueAt) && parked.isFull()) {
            verdict = new RetryTiers.Verdict.WaitUntil(dueAt);
        }
        switch (verdict) {
            case RetryTiers.Verdict.WaitUntil(Instant eligibleAt) -> {
                consumer.seek(partition, record.offset());
                consumer.pause(List.of(partition));
                waitingUntil.put(partition, eligibleAt);
                return false;
            }
            case RetryTiers.Verdict.Park(Instant dueAt) -> {
                partitionProgress.started(record.offset());
                parked.park(new ParkedDeliveries.Parked(dueAt, partition, delivery, done));
            }
            case RetryTiers.Verdict.Forward(int tier) -> {
                begin(partition, partitionProgress, record);
                safely(delivery, done, () -> handler.forward(delivery, tier, done));
            }
            case RetryTiers.Verdict.Attempt() -> {
                begin(partition, partitionProgress, record);
                attempt(delivery, done);
            }
        }
        return true;
    }

    private void startParkedThatAreDue() {
        int free = properties.maxInFlight() - completions.inFlight();
        for (ParkedDeliveries.Parked due : parked.takeDue(clock.instant(), free)) {
            completions.began(due.partition());
            attempt(due.delivery(), due.done());
        }
    }

    private void attempt(DeliveryRecord delivery, Runnable done) {
        try (LogFields fields = LogFields.of(delivery.key(), delivery.eventId(), delivery.traceparent())) {
            safely(delivery, done, () -> handler.handle(delivery, done));
        }
    }

    /** Runs a hand-off to the handler; an exception dead-letters the record instead of stopping the loop. */
    private void safely(DeliveryRecord delivery, Runnable done, Runnable handOff) {
        try {
            handOff.run();
        } catch (RuntimeException e) {
            handler.failedUnexpectedly(delivery, e, done);
        }
    }

    private void begin(TopicPartition partition, PartitionProgress partitionProgress, ConsumerRecord<?, ?> record) {
        partitionProgress.started(record.offset());
        completions.began(partition);
    }

    private void resumeWhatIsDue() {
        if (pausedAtCapacity && completions.inFlight() <= properties.maxInFlight() * 3 / 4) {
            Set<TopicPartition> resumable = new HashSet<>(consumer.assignment());
            resumable.removeAll(waitingUntil.keySet());
            consumer.resume(resumable);
            pausedAtCapacity = false;
        }
        if (pausedAtCapacity || waitingUntil.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<TopicPartition> due = waitingUntil.entrySet().stream()
                .filter(entry -> !entry.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
        due.forEach(waitingUntil::remove);
        consumer.resume(due);
    }

    /** On stop: waits (bounded) for deliveries in flight while polling (paused), then commits what finished. */
    private void drain() {
        long deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        consumer.pause(consumer.assignment());
        while (completions.inFlight() > 0 && System.nanoTime() < deadline) {
            consumer.poll(POLL_TIMEOUT);
            handler.deferOverdue();
            completions.collect(Duration.ZERO);
        }
        commits.commitBeforeClose(COMMIT_BEFORE_CLOSE);
        if (completions.inFlight() > 0) {
            log.warn("Stopped with {} deliveries in flight; they will be delivered again", completions.inFlight());
        }
    }

    private void awaitAllInFlight(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        completions.collect(Duration.ZERO);
        while (completions.inFlight() > 0 && System.nanoTime() < deadline) {
            handler.deferOverdue();
            completions.collect(Duration.ofMillis(10));
        }
    }

    private void close() {
        revocation.closing();
        try {
            consumer.close();
        } catch (RuntimeException e) {
            log.warn("Closing the delivery consumer failed: {}", e.toString());
        }
    }
}
