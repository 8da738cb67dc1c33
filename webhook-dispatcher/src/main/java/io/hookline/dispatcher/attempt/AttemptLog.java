package io.hookline.dispatcher.attempt;

/**
 * Where the delivery engine records attempts, off its critical path: {@link #record} puts the attempt in a bounded
 * in-memory buffer and returns at once; the attempt-log writer stores it later, in a batch. A delivery never waits
 * for the database: while it is down or slow, attempts wait in the buffer and are written when it answers again;
 * when the buffer is full an attempt is dropped and counted ({@code hookline_attempts_dropped_total}).
 * Implementations are thread-safe, never block and never throw.
 */
public interface AttemptLog {

    /** Queues an attempt for storing; answers false when the buffer was full and the attempt was dropped. */
    boolean record(DeliveryAttempt attempt);
}
