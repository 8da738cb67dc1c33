package io.hookline.dispatcher.bench;

import io.hookline.dispatcher.bench.DispatcherLauncher.BenchEndpoint;
import io.hookline.dispatcher.bench.PartialFailureRow.HealthyOutcome;
import io.hookline.dispatcher.bench.PartialFailureRow.TroubledOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The partial-failure section of the dispatcher benchmark (issue 12): a healthy 50 ms endpoint alone, then
 * beside each {@link Trouble} in turn, each row with a fresh dispatcher, its own topics and group ids, and a
 * short retry schedule. Each row offers {@code events} at a fixed {@code rate} (open loop) once the
 * dispatcher's consumers own their partitions, then waits: for the flaky troubles until every delivery is
 * acknowledged (at most {@link #FLAKY_WAIT} after the last event), for the others a fixed
 * {@link #OBSERVATION_TAIL}. See {@code bench/dispatcher.sh} for why.
 */
final class PartialFailureBenchmark {

    static final String DEFAULT_RETRY_DELAYS = "1s,1s,2s,2s,4s,4s,8s";
    static final Duration FLAKY_WAIT = Duration.ofSeconds(40);
    static final Duration OBSERVATION_TAIL = Duration.ofSeconds(20);
    private static final Duration HEALTHY_GRACE = Duration.ofSeconds(10);
    private static final Duration CONSUMERS_READY = Duration.ofSeconds(30);

    private final EventFeed feed;
    private final BenchEndpoints healthy;
    private final TroubledEndpoints troubled;
    private final BenchTopics topics;
    private final DispatcherLauncher launcher;
    private final String retryDelays;
    private int run;

    PartialFailureBenchmark(EventFeed feed, BenchEndpoints healthy, TroubledEndpoints troubled, BenchTopics topics,
            DispatcherLauncher launcher, String retryDelays) {
        this.feed = feed;
        this.healthy = healthy;
        this.troubled = troubled;
        this.topics = topics;
        this.launcher = launcher;
        this.retryDelays = retryDelays;
    }

    /** The solo row first, then one row per trouble. With {@code warmUp}, a discarded 10 s solo row before. */
    List<PartialFailureRow> run(int events, int rate, boolean warmUp) {
        if (warmUp) {
            PartialFailureRow warm = measure(null, rate * 10, rate);
            System.out.printf(Locale.ROOT, "[bench] partial-failure JIT warm-up row (discarded): %.1f deliveries/s%n",
                    warm.healthy().perSecond());
        }
        List<PartialFailureRow> rows = new ArrayList<>();
        rows.add(measure(null, events, rate));
        for (Trouble trouble : Trouble.values()) {
            rows.add(measure(trouble, events, rate));
            System.out.printf(Locale.ROOT, "[bench] partial-failure row done: %s%n", trouble.description());
        }
        return rows;
    }

    private PartialFailureRow measure(Trouble trouble, int events, int rate) {
        String prefix = "partial-" + (++run);
        topics.create(prefix, retryDelays.split(",").length);
        healthy.reset();
        troubled.ledger().reset();
        try (ConfigurableApplicationContext dispatcher = launcher.start(prefix, endpointsFor(trouble),
                List.of("--hookline.dispatcher.retry.delays=" + retryDelays))) {
            awaitConsumers(prefix);
            long start = System.nanoTime();
            feed.paced(prefix + ".orders.events", rate, events);
            long offeredEnd = System.nanoTime();
            HealthyOutcome healthyOutcome = healthyOutcome(events, start, offeredEnd);
            TroubledOutcome troubledOutcome = trouble == null ? null
                    : troubledOutcome(trouble, events, start, offeredEnd);
            return new PartialFailureRow(trouble, events, seconds(offeredEnd - start), healthyOutcome,
                    troubledOutcome, topics.records(prefix));
        }
    }

    private List<BenchEndpoint> endpointsFor(Trouble trouble) {
        BenchEndpoint healthyEndpoint = new BenchEndpoint("healthy", healthy.url("/healthy"));
        return trouble == null ? List.of(healthyEndpoint)
                : List.of(healthyEndpoint, new BenchEndpoint("troubled", troubled.url(trouble)));
    }

    private void awaitConsumers(String prefix) {
        warnUnlessAssigned(DispatcherLauncher.fanOutGroup(prefix), prefix + ".orders.events");
        warnUnlessAssigned(DispatcherLauncher.deliveryGroup(prefix), prefix + ".webhooks.deliveries");
    }

    private void warnUnlessAssigned(String group, String topic) {
        if (!topics.awaitAssigned(group, topic, CONSUMERS_READY)) {
            System.out.printf(Locale.ROOT, "[bench] note: group %s did not own every partition of %s within %s;"
                    + " offering events anyway (their wait counts in the row)%n", group, topic, CONSUMERS_READY);
        }
    }

    private HealthyOutcome healthyOutcome(int events, long start, long offeredEnd) {
        boolean all = BenchWaits.waitUntilNanos(() -> healthy.healthyDelivered() >= events,
                offeredEnd + HEALTHY_GRACE.toNanos());
        int delivered = healthy.healthyDelivered();
        long end = all ? healthy.lastHealthyNanos() : System.nanoTime();
        return new HealthyOutcome(delivered, delivered / seconds(end - start), p99Millis(healthy.latenciesMicros()));
    }

    private TroubledOutcome troubledOutcome(Trouble trouble, int events, long start, long offeredEnd) {
        AckLedger ledger = troubled.ledger();
        Duration wait = trouble.canDeliverEverything() ? FLAKY_WAIT : OBSERVATION_TAIL;
        long deadline = offeredEnd + wait.toNanos();
        boolean all = false;
        if (trouble.canDeliverEverything()) {
            all = BenchWaits.waitUntilNanos(() -> ledger.acknowledgedCount() >= events, deadline);
        } else {
            BenchWaits.pauseUntilNanos(deadline);
        }
        long end = all ? ledger.lastNewAckNanos() : System.nanoTime();
        int acknowledged = ledger.acknowledgedCount();
        return new TroubledOutcome(acknowledged, ledger.requests(), acknowledged / seconds(end - start),
                all ? seconds(end - start) : Double.NaN, wait.toSeconds());
    }

    private static double p99Millis(Iterable<Long> micros) {
        List<Long> sorted = new ArrayList<>();
        micros.forEach(sorted::add);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(null);
        return sorted.get((int) (sorted.size() * 0.99)) / 1000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
