package io.hookline.orders.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows the relay handed to Kafka whose outcome it has not recorded yet. Thread-safe: the producer's I/O
 * thread reports each acknowledgement or failure as it comes (and wakes the relay); the relay thread drains them.
 */
final class InFlightSends {

    private final Queue<OutboxRecord> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<OutboxRecord> failed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Runnable onOutcome;

    InFlightSends(Runnable onOutcome) {
        this.onOutcome = onOutcome;
    }

    /** Follows one send; its outcome is queued for {@link #drain()}. */
    void track(OutboxRecord row, CompletableFuture<?> ack) {
        outstanding.incrementAndGet();
        ack.whenComplete((result, failure) -> {
            (failure == null ? acknowledged : failed).add(row);
            onOutcome.run();
        });
    }

    /** Rows sent whose outcome was not drained yet (in flight, or settled and queued). */
    int outstanding() {
        return outstanding.get();
    }

    /** Takes every outcome that arrived so far. */
    Outcomes drain() {
        List<OutboxRecord> acks = take(acknowledged);
        List<OutboxRecord> failures = take(failed);
        outstanding.addAndGet(-(acks.size() + failures.size()));
        return new Outcomes(acks, failures);
    }

    private static List<OutboxRecord> take(Queue<OutboxRecord> queue) {
        List<OutboxRecord> taken = new ArrayList<>();
        for (OutboxRecord row = queue.poll(); row != null; row = queue.poll()) {
            taken.add(row);
        }
        return taken;
    }

    /** What became of some sends: acknowledged by Kafka, or failed. */
    record Outcomes(List<OutboxRecord> acknowledged, List<OutboxRecord> failed) {

        boolean isEmpty() {
            return acknowledged.isEmpty() && failed.isEmpty();
        }

        Outcomes plus(Outcomes more) {
            List<OutboxRecord> acks = new ArrayList<>(acknowledged);
            acks.addAll(more.acknowledged);
            List<OutboxRecord> failures = new ArrayList<>(failed);
            failures.addAll(more.failed);
            return new Outcomes(acks, failures);
        }
    }
}
