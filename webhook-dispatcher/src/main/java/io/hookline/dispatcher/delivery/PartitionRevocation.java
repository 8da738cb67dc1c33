package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the delivery loop does when the group moves its partitions. With the cooperative-sticky assignor only the
 * partitions that really move are revoked, and the others keep going. On revocation it releases the parked
 * records of those partitions without commit (the new owner consumes them again), waits up to
 * {@code revocationTimeout} for the deliveries still in flight on them (while waiting it keeps deferring
 * deliveries that waited too long for a busy endpoint), commits how far they got, and only then lets them go, so
 * the new owner does not send a delivery that finished here again. Deliveries still running after the timeout
 * are left to the new owner (at-least-once). On a lost partition (the member was thrown out of the group) there
 * is nothing to commit: the records are forgotten. Once the loop is {@link #closing() closing} (it already waited
 * for its work) a revocation only commits. Runs on the loop's thread, inside {@code poll} or {@code close}.
 */
final class PartitionRevocation implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionRevocation.class);
    private static final Duration COLLECT_WAIT = Duration.ofMillis(10);

    private final Consumer<?, ?> consumer;
    private final Completions completions;
    private final OffsetCommits commits;
    private final ParkedDeliveries parked;
    private final Map<TopicPartition, PartitionProgress> progress;
    private final Map<TopicPartition, ?> waitingUntil;
    private final DeliveryHandler handler;
    private final Duration revocationTimeout;
    private final BooleanSupplier pausedAtCapacity;
    private boolean closing;

    PartitionRevocation(Consumer<?, ?> consumer, Completions completions, OffsetCommits commits,
            ParkedDeliveries parked, Map<TopicPartition, PartitionProgress> progress,
            Map<TopicPartition, ?> waitingUntil, DeliveryHandler handler, Duration revocationTimeout,
            BooleanSupplier pausedAtCapacity) {
        this.consumer = consumer;
        this.completions = completions;
        this.commits = commits;
        this.parked = parked;
        this.progress = progress;
        this.waitingUntil = waitingUntil;
        this.handler = handler;
        this.revocationTimeout = revocationTimeout;
        this.pausedAtCapacity = pausedAtCapacity;
    }

    /** From now on a revocation commits without waiting (the loop is stopping and has drained). */
    void closing() {
        closing = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        int released = parked.release(partitions);
        if (!closing) {
            awaitInFlight(partitions, revocationTimeout);
        }
        completions.collect(Duration.ZERO);
        commits.commitOnRevocation(partitions);
        int left = completions.inFlight(partitions);
        if (left > 0 || released > 0) {
            log.info("Revoked {}: {} parked and {} still in flight left to the new owner", partitions, released,
                    left);
        }
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        parked.release(partitions);
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (pausedAtCapacity.getAsBoolean()) {
            consumer.pause(partitions);
        }
    }

    /** Waits (bounded) until no delivery of these partitions is in flight, applying completions as they come. */
    void awaitInFlight(Collection<TopicPartition> partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        completions.collect(Duration.ZERO);
        while (completions.inFlight(partitions) > 0 && System.nanoTime() < deadline) {
            handler.deferOverdue();
            completions.collect(COLLECT_WAIT);
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            progress.remove(partition);
            waitingUntil.remove(partition);
        });
    }
}
