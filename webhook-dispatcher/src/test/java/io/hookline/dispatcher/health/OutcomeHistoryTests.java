package io.hookline.dispatcher.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutcomeHistoryTests {

    private static final Instant START = Instant.parse("2026-11-22T12:00:10Z");
    private final MutableClock clock = new MutableClock(START);
    private final OutcomeHistory history = new OutcomeHistory(clock);

    @Test
    void countsOutcomesPerMinuteOldestFirstWithEmptyMinutesAsZeros() {
        history.delivered("ep", 40);
        history.failed("ep", 700);
        clock.advance(Duration.ofMinutes(2));
        history.deferred("ep");

        List<MinuteOutcomes> minutes = history.history("ep", 3);

        assertThat(minutes).extracting(MinuteOutcomes::minute).containsExactly(Instant.parse("2026-11-22T12:00:00Z"),
                Instant.parse("2026-11-22T12:01:00Z"), Instant.parse("2026-11-22T12:02:00Z"));
        assertThat(minutes.get(0)).isEqualTo(new MinuteOutcomes(minutes.get(0).minute(), 1, 1, 0, 50L, 700L));
        assertThat(minutes.get(1)).isEqualTo(new MinuteOutcomes(minutes.get(1).minute(), 0, 0, 0, null, null));
        assertThat(minutes.get(2)).isEqualTo(new MinuteOutcomes(minutes.get(2).minute(), 0, 0, 1, null, null));
    }

    @Test
    void theMedianIsTheUpperBoundOfItsBinButNeverAboveTheMaximum() {
        history.delivered("ep", 3);
        history.delivered("ep", 30);
        history.delivered("ep", 31);
        history.delivered("ep", 45);
        history.failed("ep", 12_000);

        MinuteOutcomes minute = history.history("ep", 1).getFirst();

        assertThat(minute.latencyP50Ms()).isEqualTo(50);
        assertThat(minute.latencyMaxMs()).isEqualTo(12_000);
        history.failed("only", 7);
        assertThat(history.history("only", 1).getFirst().latencyP50Ms()).isEqualTo(7);
        history.failed("slow", 90_000);
        assertThat(history.history("slow", 1).getFirst().latencyP50Ms()).isEqualTo(90_000);
    }

    @Test
    void keepsOneHourAndReusesASlotForItsNewMinute() {
        history.delivered("ep", 10);
        clock.advance(Duration.ofMinutes(60));
        history.failed("ep", 10);

        List<MinuteOutcomes> hour = history.history("ep", 60);

        assertThat(hour).hasSize(60);
        assertThat(hour.stream().mapToLong(MinuteOutcomes::delivered).sum()).isZero();
        assertThat(hour.getLast().failed()).isEqualTo(1);
        assertThat(history.history("ep", 600)).hasSize(60);
    }

    @Test
    void forgetsEndpointsIdleForAnHourAndTracksABoundedNumber() {
        history.delivered("old", 10);
        clock.advance(Duration.ofMinutes(61));
        history.delivered("new", 10);
        history.forgetIdle();
        IntStream.range(0, OutcomeHistory.MAX_ENDPOINTS + 5).forEach(i -> history.deferred("ep-" + i));

        assertThat(history.history("old", 60)).allSatisfy(minute -> assertThat(minute.deferred() + minute.delivered())
                .isZero());
        assertThat(history.history("new", 1).getFirst().delivered()).isEqualTo(1);
        assertThat(history.history("ep-" + (OutcomeHistory.MAX_ENDPOINTS + 4), 1).getFirst().deferred()).isZero();
    }

    @Test
    void losesNoCountUnderConcurrentRecording() throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            CompletableFuture.allOf(IntStream.range(0, 8).mapToObj(t -> CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10_000; i++) {
                    history.delivered("ep", i % 100);
                    history.deferred("ep");
                }
            }, threads)).toArray(CompletableFuture[]::new)).get();
        }

        MinuteOutcomes minute = history.history("ep", 1).getFirst();
        assertThat(minute.delivered()).isEqualTo(80_000);
        assertThat(minute.deferred()).isEqualTo(80_000);
        assertThat(minute.latencyMaxMs()).isEqualTo(99);
    }
}
