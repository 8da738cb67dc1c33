package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long a delivery waits for a slot of {@link EndpointConcurrency} before it is deferred, with a hand-moved
 * nanosecond clock and one slot per endpoint (so each release starts exactly the next waiting delivery).
 */
class EndpointConcurrencyTests {

    private static final String ENDPOINT = "ep_busy";

    private long nanos = 1_000_000_000L;
    private final long start = nanos;
    private final List<String> started = new ArrayList<>();
    private final List<String> deferred = new ArrayList<>();

    private final EndpointConcurrency concurrency = concurrency(false);

    @Test
    void aCopingEndpointsQueueIsNotDeferredAtMaxWaitButAtTheHardBound() {
        submit("first");
        for (int i = 1; i <= 20; i++) {
            submit("queued-" + i);
        }
        // one success every 400 ms: coping all along, while the queue ages past MAX_WAIT
        for (int step = 1; step <= 12; step++) {
            advance(Duration.ofMillis(400));
            concurrency.release(ENDPOINT, false);
            concurrency.deferOverdue();
        }
        assertThat(elapsed()).isEqualTo(Duration.ofMillis(4_800)).isGreaterThan(EndpointConcurrency.MAX_WAIT);
        assertThat(deferred).isEmpty();
        assertThat(started).hasSize(13).endsWith("queued-12");

        advance(Duration.ofMillis(400));
        concurrency.release(ENDPOINT, false);
        concurrency.deferOverdue();

        assertThat(elapsed()).isGreaterThan(EndpointConcurrency.COPING_MAX_WAIT);
        assertThat(started).hasSize(14).endsWith("queued-13");
        assertThat(deferred).containsExactly("queued-14", "queued-15", "queued-16", "queued-17", "queued-18",
                "queued-19", "queued-20");
    }

    @Test
    void anEndpointWithARecentFailureIsDeferredAtMaxWait() {
        submit("first");
        submit("second");
        submit("third");
        submit("fourth");
        advance(Duration.ofMillis(100));
        concurrency.release(ENDPOINT, true); // "first" failed (no answer, 5xx or 429): "second" starts
        advance(Duration.ofMillis(100));
        concurrency.release(ENDPOINT, false); // "second" succeeded: "third" starts
        advance(Duration.ofMillis(200));
        concurrency.deferOverdue();
        assertThat(deferred).as("waited 400 ms, under MAX_WAIT").isEmpty();

        advance(Duration.ofMillis(200));
        concurrency.deferOverdue();

        assertThat(started).containsExactly("first", "second", "third");
        assertThat(deferred).as("waited 600 ms; a success 400 ms ago, but a failure 500 ms ago")
                .containsExactly("fourth");
    }

    @Test
    void aFailureStopsCountingOnceItIsOlderThanTheFailureMemory() {
        submit("first");
        concurrency.release(ENDPOINT, true);
        advance(EndpointConcurrency.FAILURE_MEMORY.plusMillis(1));
        submit("second");
        submit("third");
        submit("fourth");
        advance(Duration.ofMillis(100));
        concurrency.release(ENDPOINT, false); // "second" succeeded: "third" starts

        advance(Duration.ofMillis(450));
        concurrency.deferOverdue();

        assertThat(started).containsExactly("first", "second", "third");
        assertThat(deferred).as("waited 550 ms; last success 450 ms ago, the failure %s ago",
                EndpointConcurrency.FAILURE_MEMORY.plusMillis(551)).isEmpty();
    }

    @Test
    void aHangingEndpointIsDeferredAtMaxWaitOnceNoRequestCompletedWithinIt() {
        submit("first");
        submit("hangs");
        submit("queued");
        advance(Duration.ofMillis(100));
        concurrency.release(ENDPOINT, false); // "first" succeeded, "hangs" starts and never answers
        advance(Duration.ofMillis(450));
        concurrency.deferOverdue();
        assertThat(deferred).as("waited 550 ms, last success 450 ms ago: still coping").isEmpty();

        advance(Duration.ofMillis(100));
        concurrency.deferOverdue();

        assertThat(started).containsExactly("first", "hangs");
        assertThat(deferred).as("waited 650 ms, no completion for 550 ms").containsExactly("queued");
    }

    @Test
    void anEndpointThatNeverCompletedARequestIsDeferredAtMaxWait() {
        submit("first");
        submit("queued");
        advance(EndpointConcurrency.MAX_WAIT);
        concurrency.deferOverdue();
        assertThat(deferred).as("waited exactly MAX_WAIT").isEmpty();

        advance(Duration.ofMillis(1));
        concurrency.deferOverdue();

        assertThat(deferred).containsExactly("queued");
    }

    @Test
    void withDeferCopingEndpointsEveryEndpointIsDeferredAtMaxWait() {
        EndpointConcurrency before = concurrency(true);
        before.submit(ENDPOINT, () -> started.add("first"), () -> deferred.add("first"));
        before.submit(ENDPOINT, () -> started.add("second"), () -> deferred.add("second"));
        before.submit(ENDPOINT, () -> started.add("queued"), () -> deferred.add("queued"));
        advance(Duration.ofMillis(400));
        before.release(ENDPOINT, false);
        advance(Duration.ofMillis(200));
        before.deferOverdue();

        assertThat(started).containsExactly("first", "second");
        assertThat(deferred).as("coping (success 200 ms ago), deferred at MAX_WAIT all the same")
                .containsExactly("queued");
    }

    private EndpointConcurrency concurrency(boolean deferCopingEndpoints) {
        EngineProperties engine = new EngineProperties("deliveries", 2048, 1, 500, Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofSeconds(10), deferCopingEndpoints);
        return new EndpointConcurrency(engine, new ConcurrencyProperties(1, 1, 0.9), () -> nanos);
    }

    private void submit(String name) {
        concurrency.submit(ENDPOINT, () -> started.add(name), () -> deferred.add(name));
    }

    private void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanos - start);
    }
}
