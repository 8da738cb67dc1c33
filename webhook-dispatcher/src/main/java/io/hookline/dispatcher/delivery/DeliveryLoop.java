package io.hookline.dispatcher.delivery;

import io.hookline.support.logging.LogFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine's consumer loop over the delivery topic and the retry topics. One thread owns the
 * consumer; deliveries run concurrently on the HTTP client's event loop and report back through a queue.
 * <ul>
 * <li>In flight: at most {@code maxInFlight}; at the cap every partition is sought back to its first unstarted
 * record and paused until a quarter of the slots are free again.</li>
 * <li>Due times ({@link RetryTiers#decide}): a retry-tier record not yet eligible stops its partition: seek back
 * to it, pause the partition, resume it when it is eligible. No thread sleeps; the consumer keeps polling (and
 * heart-beating). An eligible record due within the park limit waits in {@link ParkedDeliveries} while its
 * partition goes on; one due later is forwarded (produced again) to the tier that covers its wait.</li>
 * <li>One record never stops the loop: an exception while handing a record to the handler dead-letters it.</li>
 * <li>Commits: per partition, only up to the lowest unfinished offset ({@link PartitionProgress}), so a crash
 * redelivers what was in flight (at-least-once).</li>
 * </ul>
 * {@link #run()} runs on the engine thread; {@link #stop()} may be called from any thread.
 */
final class DeliveryLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(10);

    private record Finished(PartitionProgress progress, long offset) {
    }

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
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private int inFlight;
    private boolean pausedAtCapacity;
    private final OffsetCommits commits;

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
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                step();
            }
            drain();
        } catch (WakeupException stopping) {
            drain();
        } catch (RuntimeException e) {
            log.error("The delivery loop stopped; records in flight will be redelivered", e);
        } finally {
            consumer.close();
        }
    }

    void stop() {
        running = false;
    }

    private void step() {
        handler.deferOverdue();
        collectFinished();
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
            if (inFlight >= properties.maxInFlight()) {
                consumer.seek(partition, record.offset());
                return false;
            }
            Runnable done = once(partitionProgress, record.offset());
            DeliveryRecord delivery;
            try {
                delivery = DeliveryRecord.from(record);
            } catch (IllegalArgumentException e) {
                begin(partitionProgress, record);
                handler.rejectUnreadable(record.topic(), record.partition(), record.offset(), record.key(),
                        record.value(), e.getMessage(), done);
                continue;
            }
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
                    return true;
                }
                case RetryTiers.Verdict.Park(Instant dueAt) -> {
                    partitionProgress.started(record.offset());
                    parked.park(new ParkedDeliveries.Parked(dueAt, partition, delivery, done));
                }
                case RetryTiers.Verdict.Forward(int tier) -> {
                    begin(partitionProgress, record);
                    safely(delivery, done, () -> handler.forward(delivery, tier, done));
                }
                case RetryTiers.Verdict.Attempt() -> {
                    begin(partitionProgress, record);
                    attempt(delivery, done);
                }
            }
        }
        return true;
    }

    private void startParkedThatAreDue() {
        for (ParkedDeliveries.Parked due : parked.takeDue(clock.instant(), properties.maxInFlight() - inFlight)) {
            inFlight++;
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

    /** The record's completion: reported to the loop once, however often it is called. */
    private Runnable once(PartitionProgress partitionProgress, long offset) {
        AtomicBoolean reported = new AtomicBoolean();
        return () -> {
            if (reported.compareAndSet(false, true)) {
                finished.add(new Finished(partitionProgress, offset));
            }
        };
    }

    private void begin(PartitionProgress partitionProgress, ConsumerRecord<?, ?> record) {
        partitionProgress.started(record.offset());
        inFlight++;
    }

    private void collectFinished() {
        for (Finished done = finished.poll(); done != null; done = finished.poll()) {
            done.progress().finished(done.offset());
            inFlight--;
        }
    }

    private void resumeWhatIsDue() {
        if (pausedAtCapacity && inFlight <= properties.maxInFlight() * 3 / 4) {
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

    /** On stop: waits (bounded) for deliveries in flight, then commits what finished. */
    private void drain() {
        long deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        consumer.pause(consumer.assignment());
        while (inFlight > 0 && System.nanoTime() < deadline) {
            consumer.poll(POLL_TIMEOUT);
            collectFinished();
        }
        try {
            commits.commitNow();
        } catch (RuntimeException e) {
            log.warn("Final commit failed; unfinished records will be redelivered: {}", e.toString());
        }
        if (inFlight > 0) {
            log.warn("Stopped with {} deliveries in flight; they will be delivered again", inFlight);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            collectFinished();
            commits.commitOnRevocation(partitions);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (pausedAtCapacity) {
                consumer.pause(partitions);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            parked.forget(partitions);
            partitions.forEach(partition -> {
                progress.remove(partition);
                waitingUntil.remove(partition);
            });
        }
    }
}
