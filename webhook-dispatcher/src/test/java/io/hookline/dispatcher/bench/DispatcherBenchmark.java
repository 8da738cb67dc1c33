package io.hookline.dispatcher.bench;

import static io.hookline.dispatcher.bench.BenchWaits.awaitUntil;
import static io.hookline.dispatcher.bench.BenchWaits.pause;

import io.hookline.dispatcher.bench.DispatcherLauncher.BenchEndpoint;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.testsupport.TestKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Side-by-side benchmark of the delivery engine and a naive blocking listener (issue 4), everything on
 * 127.0.0.1 in this JVM: the embedded Kafka broker, the endpoints ({@link BenchEndpoints}), the producer
 * ({@link EventFeed}) and either dispatcher. Prints a table. Run through {@code bench/dispatcher.sh}.
 * <p>
 * Arguments: the sections to run ({@code all}, {@code isolation}: the issue-4 table below, or
 * {@code partial-failure}: {@link PartialFailureBenchmark}, or, run only when named, {@code spring-alternative}:
 * {@link SpringAlternativeBenchmark} or {@code engine}: the engine alone at saturation, each followed by the latency
 * run), events per throughput run (default 30000),
 * seconds of the 500/s latency run (default 20), events per partial-failure row (default 3000) and their
 * offered rate (default 200/s). A first throughput run of the engine warms the JIT up and is printed but not
 * tabled (the same JVM then runs every scenario, so the engine's numbers are warm and the baseline's are
 * too); the partial-failure section run alone warms up with a short row of its own. The system property
 * {@code bench.retry-delays} overrides the partial-failure retry schedule.
 */
public final class DispatcherBenchmark {

    private static final Duration ENDPOINT_DELAY = Duration.ofMillis(50);
    private static final String SECRET = DispatcherLauncher.SECRET;
    private static final int LATENCY_RATE = 500;
    private static final Set<String> SECTIONS = Set.of("all", "isolation", "partial-failure", "spring-alternative",
            "engine");

    private final String bootstrap = TestKafka.bootstrapServers();
    private final EventFeed feed = new EventFeed(bootstrap);
    private final BenchEndpoints endpoints = new BenchEndpoints(ENDPOINT_DELAY, feed.sentNanos());
    private final BenchTopics topics = new BenchTopics(bootstrap);
    private final DispatcherLauncher launcher;
    private int run;

    private DispatcherBenchmark() throws Exception {
        launcher = new DispatcherLauncher(bootstrap, Files.createTempDirectory("dispatcher-bench"));
    }

    public static void main(String[] args) throws Exception {
        String section = args.length > 0 ? args[0] : "all";
        if (!SECTIONS.contains(section)) {
            throw new IllegalArgumentException("section must be one of " + SECTIONS + ", not " + section);
        }
        DispatcherBenchmark bench = new DispatcherBenchmark();
        try {
            bench.runSection(section, args);
        } catch (RuntimeException failed) {
            // every thread of the embedded broker and the dispatchers would keep the JVM (and the CPU lock) alive
            failed.printStackTrace();
            System.exit(1);
        }
        bench.closeAndExit();
    }

    private void runSection(String section, String[] args) {
        if (section.equals("spring-alternative") || section.equals("engine")) {
            sideBySideSection(section.equals("engine"), intArgument(args, 1, 30_000), intArgument(args, 2, 20));
            return;
        }
        FlightRecording recording = FlightRecording.startIfRequested();
        if (!section.equals("partial-failure")) {
            isolationSection(intArgument(args, 1, 30_000), intArgument(args, 2, 20));
        }
        if (!section.equals("isolation")) {
            partialFailureSection(intArgument(args, 3, 3_000), intArgument(args, 4, 200),
                    section.equals("partial-failure"));
        }
        recording.close();
    }

    private void closeAndExit() {
        endpoints.close();
        topics.close();
        feed.close();
        System.exit(0);
    }

    /** {@link SpringAlternativeBenchmark}'s table (or with {@code engineOnly} the engine alone), then the latency run. */
    private void sideBySideSection(boolean engineOnly, int events, int latencySeconds) {
        SpringAlternativeBenchmark sideBySide = new SpringAlternativeBenchmark(bootstrap, feed, endpoints, topics,
                launcher, System.getProperty("bench.retry-delays", PartialFailureBenchmark.DEFAULT_RETRY_DELAYS));
        if (engineOnly) {
            String baseline = System.getProperty("bench.baseline-args", "");
            sideBySide.engineAtSaturation(events,
                    baseline.isBlank() ? List.of() : List.of(baseline.trim().split("\\s+")));
        } else {
            sideBySide.run(events);
        }
        double[] latency = oursLatency(latencySeconds);
        System.out.printf(Locale.ROOT, "[bench] engine at %d/s: produced -> arrived at the endpoint (before its 50 ms), "
                + "p50 / p99 (max): %s%n", LATENCY_RATE, latency(latency));
        System.out.printf(Locale.ROOT, "GOAL | dispatcher latency at %d events/s, produced -> arrived (the endpoint's own"
                + " 50 ms not included) | p50 %.1f ms, p99 %.1f ms | - | - | p99 < 50 ms | %s%n", LATENCY_RATE, latency[0],
                latency[1], latency[1] < 50 && latency[3] >= latency[4] ? "met" : "not met");
    }

    private static int intArgument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private void partialFailureSection(int events, int rate, boolean warmUp) {
        String retryDelays = System.getProperty("bench.retry-delays", PartialFailureBenchmark.DEFAULT_RETRY_DELAYS);
        System.out.println(PartialFailureReport.machineLine("start"));
        try (TroubledEndpoints troubled = new TroubledEndpoints(ENDPOINT_DELAY)) {
            List<PartialFailureRow> rows = new PartialFailureBenchmark(feed, endpoints, troubled, topics, launcher,
                    retryDelays).run(events, rate, warmUp);
            System.out.println(PartialFailureReport.machineLine("end"));
            PartialFailureReport.print(rows, rate, retryDelays);
        }
    }

    private void isolationSection(int events, int latencySeconds) {
        List<String[]> rows = new ArrayList<>();
        double warmUp = oursThroughput(events, false);
        System.out.printf(Locale.ROOT, "[bench] JIT warm-up run (discarded): %.1f deliveries/s%n", warmUp);
        double oursHealthy = oursThroughput(events, false);
        double oursWithDead = oursThroughput(events, true);
        double[] oursLatency = oursLatency(latencySeconds);
        double naiveHealthy = naiveThroughput(false, 15);
        double naiveWithDead = naiveThroughput(true, 25);
        double[] naiveLatency = naiveLatency(10);
        rows.add(new String[] {"deliveries/s, one endpoint answering 2xx after 50 ms", rate(naiveHealthy),
                rate(oursHealthy), ">= 5,000"});
        rows.add(new String[] {"healthy-endpoint deliveries/s with a second endpoint that never answers",
                rate(naiveWithDead) + percent(naiveWithDead, naiveHealthy),
                rate(oursWithDead) + percent(oursWithDead, oursHealthy), ">= 90 % of the above"});
        rows.add(new String[] {"latency appended -> received at 500 events/s, p50 / p99 (max)",
                latency(naiveLatency), latency(oursLatency), "p99 < 50 ms"});
        print(rows, events, latencySeconds);
    }

    private double oursThroughput(int events, boolean withDead) {
        String prefix = "bench-" + (++run);
        topics.create(prefix, 7);
        endpoints.reset();
        feed.burst(prefix + ".orders.events", events);
        try (ConfigurableApplicationContext dispatcher = startDispatcher(prefix, withDead)) {
            return throughput(events, Duration.ofSeconds(120));
        }
    }

    private double[] oursLatency(int seconds) {
        String prefix = "bench-" + (++run);
        topics.create(prefix, 7);
        try (ConfigurableApplicationContext dispatcher = startDispatcher(prefix, false)) {
            feed.steady(prefix + ".orders.events", LATENCY_RATE, 5);
            awaitUntil(() -> endpoints.healthyDelivered() >= LATENCY_RATE * 5, Duration.ofSeconds(30));
            endpoints.reset();
            feed.steady(prefix + ".orders.events", LATENCY_RATE, seconds);
            awaitUntil(() -> endpoints.healthyDelivered() >= LATENCY_RATE * seconds, Duration.ofSeconds(30));
            return percentiles(endpoints.latenciesMicros(), LATENCY_RATE * seconds);
        }
    }

    private double naiveThroughput(boolean withDead, int seconds) {
        String topic = "bench-" + (++run) + ".orders.events";
        endpoints.reset();
        feed.burst(topic, 5_000);
        List<String> urls = withDead ? List.of(endpoints.url("/healthy"), endpoints.url("/dead"))
                : List.of(endpoints.url("/healthy"));
        try (NaiveDispatcher naive = new NaiveDispatcher(bootstrap, topic, topic + ".naive", 3, urls,
                WebhookSecret.parse(SECRET))) {
            awaitUntil(() -> endpoints.healthyDelivered() > 0, Duration.ofSeconds(30));
            pause(Duration.ofSeconds(2));
            int before = endpoints.healthyDelivered();
            long start = System.nanoTime();
            pause(Duration.ofSeconds(seconds));
            return (endpoints.healthyDelivered() - before) / ((System.nanoTime() - start) / 1e9);
        }
    }

    private double[] naiveLatency(int seconds) {
        String topic = "bench-" + (++run) + ".orders.events";
        endpoints.reset();
        try (NaiveDispatcher naive = new NaiveDispatcher(bootstrap, topic, topic + ".naive", 3,
                List.of(endpoints.url("/healthy")), WebhookSecret.parse(SECRET))) {
            feed.steady(topic, LATENCY_RATE, seconds);
            pause(Duration.ofSeconds(2));
            return percentiles(endpoints.latenciesMicros(), LATENCY_RATE * seconds);
        }
    }

    /** Rate between the arrival of the first 10 % (warm-up) and the last event at /healthy. */
    private double throughput(int events, Duration limit) {
        int warm = events / 10;
        awaitUntil(() -> endpoints.healthyDelivered() >= warm, limit);
        long start = System.nanoTime();
        awaitUntil(() -> endpoints.healthyDelivered() >= events, limit);
        return (events - warm) / ((endpoints.lastHealthyNanos() - start) / 1e9);
    }

    private ConfigurableApplicationContext startDispatcher(String prefix, boolean withDead) {
        BenchEndpoint healthy = new BenchEndpoint("healthy", endpoints.url("/healthy"));
        List<BenchEndpoint> configured = withDead ? List.of(healthy, new BenchEndpoint("dead", endpoints.url("/dead")))
                : List.of(healthy);
        return launcher.start(prefix, configured, List.of());
    }

    private static double[] percentiles(Iterable<Long> micros, int expected) {
        List<Long> sorted = new ArrayList<>();
        micros.forEach(sorted::add);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, 0, expected};
        }
        return new double[] {sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                sorted.getLast() / 1000.0, sorted.size(), expected};
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.1f", perSecond);
    }

    private static String percent(double part, double whole) {
        return String.format(Locale.ROOT, " (%.0f %%)", 100 * part / whole);
    }

    private static String latency(double[] p) {
        String text = String.format(Locale.ROOT, "%.1f / %.1f ms (%.1f)", p[0], p[1], p[2]);
        return p[3] < p[4] ? text + String.format(Locale.ROOT, ", only %,.0f of %,.0f arrived", p[3], p[4]) : text;
    }

    private static void print(List<String[]> rows, int events, int latencySeconds) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%d events per throughput run, %d s at 500/s for latency; %d cores%n%n", events, latencySeconds,
                Runtime.getRuntime().availableProcessors()));
        table.append("| measurement | naive blocking listener | hookline delivery engine | target |\n");
        table.append("| --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        System.out.print(table);
    }
}
