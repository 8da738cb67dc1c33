package io.hookline.support.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class LoopSupervisorTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final LoopSupervisor supervisor = new LoopSupervisor(clock,
            new SupervisionProperties(Duration.ofMillis(20), Duration.ofMillis(80)), meters);
    private final LoopsHealthIndicator health = new LoopsHealthIndicator(supervisor);
    private SupervisedLoop loop;

    @AfterEach
    void stopLoop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            assertThat(loop.await(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aLoopThatThrowsIsRestartedAndReadinessIsDownUntilItRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        loop = supervisor.start("flaky-loop", context -> {
            if (runs.incrementAndGet() <= 2) {
                throw new IllegalStateException("odd record");
            }
            release.await();
            context.progress();
            while (!context.stopping()) {
                Thread.onSpinWait();
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        assertThat(health.ready()).isFalse();
        assertThat(health.health("flaky-loop").getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health("flaky-loop").getDetails()).containsEntry("restarts", 2);
        assertThat(loop.status().lastFailure()).isEqualTo("java.lang.IllegalStateException: odd record");
        assertThat(loop.status().restarts()).isEqualTo(2);
        assertThat(meters.get("hookline_loop_up").tag("loop", "flaky-loop").gauge().value()).isZero();

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.status().state() == LoopState.RUNNING);
        assertThat(health.ready()).isTrue();
        assertThat(health.health("flaky-loop").getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("hookline_loop_up").tag("loop", "flaky-loop").gauge().value()).isOne();
        assertThat(meters.get("hookline_loop_restarts").tag("loop", "flaky-loop").gauge().value()).isEqualTo(2);
    }

    @Test
    void aLoopThatReturnsWithoutBeingStoppedCountsAsDead() {
        AtomicInteger runs = new AtomicInteger();
        loop = supervisor.start("returning-loop", context -> runs.incrementAndGet());

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2);
        assertThat(loop.status().state()).isEqualTo(LoopState.RESTARTING);
        assertThat(loop.status().lastFailure()).contains("returned without being stopped");
    }

    @Test
    void aLoopWithoutProgressWithinItsStallLimitIsStalled() {
        CountDownLatch progressed = new CountDownLatch(1);
        loop = supervisor.start("slow-loop", context -> {
            context.progress();
            progressed.countDown();
            while (!context.stopping()) {
                Thread.onSpinWait();
            }
        }, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> progressed.getCount() == 0);
        assertThat(loop.status().state()).isEqualTo(LoopState.RUNNING);

        clock.advance(Duration.ofSeconds(31));

        assertThat(loop.status().state()).isEqualTo(LoopState.STALLED);
        assertThat(health.health("slow-loop").getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.stream().map(entry -> entry.name())).containsExactly("slow-loop");
    }

    @Test
    void aPausingLoopReportsProgressAndStopEndsThePause() throws InterruptedException {
        CountDownLatch pausing = new CountDownLatch(1);
        SupervisedLoop pausingLoop = supervisor.start("pausing-loop", context -> {
            context.progress();
            pausing.countDown();
            context.pause(Duration.ofHours(1));
        }, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> pausing.getCount() == 0);
        assertThat(pausingLoop.status().state()).isEqualTo(LoopState.RUNNING);

        pausingLoop.stop();

        assertThat(pausingLoop.await(Duration.ofSeconds(5))).isTrue();
        assertThat(pausingLoop.status().state()).isEqualTo(LoopState.STOPPED);
    }

    @Test
    void stopEndsTheBackoffAndTheLoopReportsStopped() throws InterruptedException {
        SupervisedLoop dying = new LoopSupervisor(clock,
                new SupervisionProperties(Duration.ofHours(1), Duration.ofHours(1)), null)
                .start("dying-loop", context -> {
                    throw new IllegalStateException("always");
                });
        await().atMost(Duration.ofSeconds(5)).until(() -> dying.status().state() == LoopState.RESTARTING);

        dying.stop();

        assertThat(dying.await(Duration.ofSeconds(5))).isTrue();
        assertThat(dying.status().state()).isEqualTo(LoopState.STOPPED);
    }
}
