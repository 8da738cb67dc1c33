package io.hookline.dispatcher.autodisable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved by an offset a test sets: unlike test-support's {@code MutableClock} it keeps ticking,
 * which a whole running dispatcher needs (retry due times, the circuit, the directory), while a test can still put
 * the application days in the past and bring it back. Thread-safe.
 */
final class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads the system time plus {@code by} (negative: in the past). */
    void shift(Duration by) {
        offset = by;
    }

    /** Back to the system time. */
    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
