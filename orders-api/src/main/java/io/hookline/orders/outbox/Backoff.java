package io.hookline.orders.outbox;

import java.time.Duration;

/** Exponential back-off: the initial delay, doubled per consecutive failure, capped. Not thread-safe. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay to wait after this failure; the one after will be twice as long, up to the cap. */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current.compareTo(max) > 0 ? max : current;
    }

    /** Back to the initial delay, after a success. */
    void reset() {
        next = initial;
    }
}
