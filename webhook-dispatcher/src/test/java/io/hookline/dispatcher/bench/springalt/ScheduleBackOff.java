package io.hookline.dispatcher.bench.springalt;

import java.time.Duration;
import java.util.List;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/** A fixed list of delays as a Spring {@link BackOff}, so the retry topics follow the benchmark's schedule. */
final class ScheduleBackOff implements BackOff {

    private final List<Duration> delays;

    ScheduleBackOff(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {
            private int next;

            @Override
            public long nextBackOff() {
                return next < delays.size() ? delays.get(next++).toMillis() : STOP;
            }
        };
    }
}
