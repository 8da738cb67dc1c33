package io.hookline.receiver.notification;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes idle e-mail senders when a notification was recorded in this process, so a new e-mail does not wait for
 * the next poll. Only a hint: senders poll the database anyway (other instances record notifications too).
 * Thread-safe.
 */
@Component
public class NewNotifications {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private long generation;

    public void signal() {
        lock.lock();
        try {
            generation++;
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for the next {@link #signal()}; returns early on interrupt. */
    public void await(Duration timeout) {
        lock.lock();
        try {
            long seen = generation;
            long nanos = timeout.toNanos();
            while (generation == seen && nanos > 0) {
                nanos = recorded.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
