package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;

/**
 * The deliveries one run of the {@link DeliveryLoop} has in flight, per partition, and their completions. A
 * completion callback ({@link #once}) may run on any thread (the HTTP client's event loop, the producer's I/O
 * thread) and only queues the finished offset; everything else runs on the loop's thread, which applies the
 * queue to the records' {@link PartitionProgress} in {@link #collect}. A callback that runs after its partition
 * was revoked updates a progress nobody commits any more, which is harmless.
 */
final class Completions {

    private record Finished(TopicPartition partition, PartitionProgress progress, long offset) {
    }

    private final LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, Integer> inFlightByPartition = new HashMap<>();
    private int inFlight;

    /** The record's completion: reported once, however often it is called. */
    Runnable once(TopicPartition partition, PartitionProgress progress, long offset) {
        AtomicBoolean reported = new AtomicBoolean();
        return () -> {
            if (reported.compareAndSet(false, true)) {
                finished.add(new Finished(partition, progress, offset));
            }
        };
    }

    /** A record of {@code partition} was handed to the handler (it will complete once). */
    void began(TopicPartition partition) {
        inFlight++;
        inFlightByPartition.merge(partition, 1, Integer::sum);
    }

    int inFlight() {
        return inFlight;
    }

    /** Deliveries still in flight on any of these partitions. */
    int inFlight(Collection<TopicPartition> partitions) {
        return partitions.stream().mapToInt(partition -> inFlightByPartition.getOrDefault(partition, 0)).sum();
    }

    /** Applies the completions that arrived, waiting up to {@code wait} for the first one if none has. */
    void collect(Duration wait) {
        Finished first = finished.poll();
        if (first == null && wait.isPositive()) {
            try {
                first = finished.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Finished done = first; done != null; done = finished.poll()) {
            done.progress().finished(done.offset());
            inFlight--;
            inFlightByPartition.computeIfPresent(done.partition(), (partition, count) -> count > 1 ? count - 1 : null);
        }
    }
}
