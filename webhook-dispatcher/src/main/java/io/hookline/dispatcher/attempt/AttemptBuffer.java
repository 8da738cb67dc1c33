package io.hookline.dispatcher.attempt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The attempt log's bounded buffer between the delivery engine and the {@link AttemptWriter}. {@link #record}
 * never blocks: a full buffer drops the attempt and counts it. Meters: {@code hookline_attempts_dropped_total}
 * (attempts never stored: buffer full, or a row the database refused), {@code hookline_attempts_backlog} (attempts
 * buffered or in the writer's hands, not stored yet), {@code hookline_attempts_written_total}. Thread-safe.
 */
@Component
class AttemptBuffer implements AttemptLog {

    private final BlockingQueue<DeliveryAttempt> queue;
    private final AtomicInteger inHand = new AtomicInteger();
    private final Counter dropped;
    private final Counter rejected;
    private final Counter written;

    AttemptBuffer(AttemptLogProperties properties, MeterRegistry meters) {
        this.queue = new LinkedBlockingQueue<>(properties.bufferCapacity());
        this.dropped = dropCounter(meters, "buffer_full");
        this.rejected = dropCounter(meters, "rejected");
        this.written = Counter.builder("hookline.attempts.written")
                .description("Delivery attempts stored in the attempt log").register(meters);
        Gauge.builder("hookline.attempts.backlog", this, AttemptBuffer::backlog)
                .description("Delivery attempts waiting to be stored (buffered or being written)").register(meters);
    }

    private static Counter dropCounter(MeterRegistry meters, String reason) {
        return Counter.builder("hookline.attempts.dropped").tag("reason", reason)
                .description("Delivery attempts that were never stored in the attempt log").register(meters);
    }

    @Override
    public boolean record(DeliveryAttempt attempt) {
        if (queue.offer(attempt)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /**
     * Moves up to {@code max} attempts into {@code batch}: waits up to {@code wait} for the first, then up to
     * {@code gather} for more. Called by the writer thread only.
     */
    void take(List<DeliveryAttempt> batch, int max, Duration wait, Duration gather) throws InterruptedException {
        DeliveryAttempt first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + gather.toNanos();
        queue.drainTo(batch, max - batch.size());
        while (batch.size() < max) {
            long left = deadline - System.nanoTime();
            DeliveryAttempt next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, max - batch.size());
        }
    }

    /** How many attempts the writer holds outside the queue (for the backlog gauge). */
    void inHand(int count) {
        inHand.set(count);
    }

    void written(int count) {
        written.increment(count);
    }

    void rejected() {
        rejected.increment();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int backlog() {
        return queue.size() + inHand.get();
    }
}
