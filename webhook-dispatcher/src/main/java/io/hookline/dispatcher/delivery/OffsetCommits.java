package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the delivery engine's offsets: per partition, only up to the lowest unfinished offset of its
 * {@link PartitionProgress}; asynchronously every {@code interval} (a failed one is sent again by the next),
 * synchronously on revocation and at shutdown.
 * Used by the engine's poll thread only (it owns the consumer); not thread-safe.
 */
final class OffsetCommits {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommits.class);

    private final Consumer<?, ?> consumer;
    private final Map<TopicPartition, PartitionProgress> progress;
    private final Duration interval;
    private long lastCommitNanos;

    OffsetCommits(Consumer<?, ?> consumer, Map<TopicPartition, PartitionProgress> progress, Duration interval) {
        this.consumer = consumer;
        this.progress = progress;
        this.interval = interval;
    }

    /** Commits asynchronously when the interval has passed since the last commit. */
    void commitIfDue() {
        long nanos = System.nanoTime();
        if (nanos - lastCommitNanos < interval.toNanos()) {
            return;
        }
        lastCommitNanos = nanos;
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(progress.keySet());
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error != null) {
                log.debug("Asynchronous commit failed; the next one sends it again: {}", error.toString());
                offsets.keySet().stream().map(progress::get).filter(java.util.Objects::nonNull)
                        .forEach(PartitionProgress::commitFailed);
            }
        });
        offsets.forEach((partition, offset) -> progress.get(partition).committed(offset.offset()));
    }

    /** Commits every partition synchronously (shutdown); answers what it committed; throws if the commit fails. */
    Map<TopicPartition, OffsetAndMetadata> commitNow() {
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(progress.keySet());
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> progress.get(partition).committed(offset.offset()));
        }
        return offsets;
    }

    /**
     * Commits every partition synchronously before the consumer closes (stop, or a dead run). While the group is
     * rebalancing (another member joins or leaves) a commit is refused: it then polls, so that this member takes
     * part in the rebalance (the partitions it gives up are committed by the revocation), and tries again until
     * {@code within} has passed. Its partitions are paused, and records a poll returns are not started, so nothing
     * is committed past them. A failure is logged: those records will be redelivered.
     */
    void commitBeforeClose(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = commitNow();
                log.debug("Committed before closing: {}", committed);
                return;
            } catch (RebalanceInProgressException e) {
                if (System.nanoTime() >= deadline) {
                    log.warn("The group kept rebalancing; unfinished records will be redelivered");
                    return;
                }
                consumer.pause(consumer.assignment());
                consumer.poll(Duration.ofMillis(10));
            } catch (RuntimeException e) {
                log.warn("Final commit failed; unfinished records will be redelivered: {}", e.toString());
                return;
            }
        }
    }

    /**
     * Commits the partitions being revoked synchronously at their current position, even where an asynchronous
     * commit already sent it (that one may still fail in the rebalance); a failure is logged (those records will
     * be redelivered by the new owner).
     */
    void commitOnRevocation(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            if (partitionProgress != null && partitionProgress.position() >= 0) {
                offsets.put(partition, new OffsetAndMetadata(partitionProgress.position()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (RuntimeException e) {
            log.warn("Commit on revocation failed; those records will be redelivered: {}", e.toString());
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            long position = partitionProgress == null ? -1 : partitionProgress.committable();
            if (position >= 0) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }
        return offsets;
    }
}
