package io.hookline.dispatcher.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.kafka.common.TopicPartition;

/**
 * Deliveries released by their retry tier a little before they are due (at most the park limit), held in
 * memory until their due time while their partition goes on. A parked record's offset stays unfinished in its
 * {@link PartitionProgress}, so the commit stays behind it and a crash redelivers it. Bounded by
 * {@code capacity}. Used by the engine's poll thread only; not thread-safe.
 */
final class ParkedDeliveries {

    record Parked(Instant dueAt, TopicPartition partition, DeliveryRecord delivery, Runnable done) {
    }

    private final PriorityQueue<Parked> byDueTime = new PriorityQueue<>(Comparator.comparing(Parked::dueAt));
    private final int capacity;

    ParkedDeliveries(int capacity) {
        this.capacity = capacity;
    }

    boolean isFull() {
        return byDueTime.size() >= capacity;
    }

    void park(Parked parked) {
        byDueTime.add(parked);
    }

    /** Removes and answers those due at {@code now}, earliest first, at most {@code max}. */
    List<Parked> takeDue(Instant now, int max) {
        List<Parked> due = new ArrayList<>();
        while (due.size() < max && !byDueTime.isEmpty() && !byDueTime.peek().dueAt().isAfter(now)) {
            due.add(byDueTime.poll());
        }
        return due;
    }

    /**
     * Releases the records of partitions this consumer gave up or lost, without starting them: their offsets stay
     * unfinished, so no commit passes them and the new owner consumes them again. Answers how many were released.
     */
    int release(Collection<TopicPartition> partitions) {
        int before = byDueTime.size();
        byDueTime.removeIf(parked -> partitions.contains(parked.partition()));
        return before - byDueTime.size();
    }

    int size() {
        return byDueTime.size();
    }
}
