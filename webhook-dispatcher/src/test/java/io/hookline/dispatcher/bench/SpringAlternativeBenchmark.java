package io.hookline.dispatcher.bench;

import io.hookline.dispatcher.bench.DispatcherLauncher.BenchEndpoint;
import io.hookline.dispatcher.bench.springalt.SpringAlternative;
import io.hookline.dispatcher.bench.springalt.SpringAlternativeSettings;
import io.hookline.schemas.signing.WebhookSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The "spring-alternative" section: the engine beside the idiomatic Spring for Apache Kafka dispatcher
 * ({@link SpringAlternative}) and the naive blocking listener ({@link NaiveDispatcher}), each draining a
 * backlog of events to the 50 ms {@code /healthy} endpoint, alone and beside the hanging {@code /dead} one
 * (accepts, never answers). Every run has its own topics and group ids; the engine and the alternative use the
 * same retry schedule ({@code bench.retry-delays}) and the alternative gives every attempt the engine's
 * first-attempt budget (3 s). Rates and CPU per delivery are {@link BacklogRate}s; the naive listener drains a
 * smaller backlog ({@link #NAIVE_EVENTS}) over a shorter window, as its rate is latency-bound.
 */
final class SpringAlternativeBenchmark {

    static final Duration WINDOW = Duration.ofSeconds(40);
    static final Duration NAIVE_WINDOW = Duration.ofSeconds(15);
    static final int NAIVE_EVENTS = 5_000;
    private static final Duration ALT_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private final String bootstrap;
    private final EventFeed feed;
    private final BenchEndpoints endpoints;
    private final BenchTopics topics;
    private final DispatcherLauncher launcher;
    private final List<Duration> retryDelays;
    private int run;

    SpringAlternativeBenchmark(String bootstrap, EventFeed feed, BenchEndpoints endpoints, BenchTopics topics,
            DispatcherLauncher launcher, String retryDelays) {
        this.bootstrap = bootstrap;
        this.feed = feed;
        this.endpoints = endpoints;
        this.topics = topics;
        this.launcher = launcher;
        this.retryDelays = Arrays.stream(retryDelays.split(",")).map(delay -> Duration.parse("PT" + delay.trim()))
                .toList();
    }

    void run(int events) {
        BacklogRate warmUp = engine(events, false, false);
        System.out.printf(Locale.ROOT, "[bench] JIT warm-up run (discarded): %s deliveries/s%n", warmUp.rate());
        BacklogRate engineSolo = engine(events, false, true);
        BacklogRate altSolo = alternative(events, false);
        BacklogRate naiveSolo = naive(false);
        BacklogRate engineHanging = engine(events, true, false);
        BacklogRate altHanging = alternative(events, true);
        BacklogRate naiveHanging = naive(true);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%d events per backlog (naive listener: %d), one JVM, %d cores; CPU = whole process (broker, endpoint "
                        + "server, dispatcher) per delivery in the window%n%n", events, NAIVE_EVENTS,
                Runtime.getRuntime().availableProcessors()));
        table.append("| dispatcher | deliveries/s to one 50 ms endpoint | CPU µs/delivery | engine ÷ this "
                + "| healthy deliveries/s beside a hanging endpoint | % of its solo rate | CPU µs/delivery beside it |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        row(table, "hookline delivery engine", engineSolo, engineHanging, engineSolo);
        row(table, "Spring Kafka alternative", altSolo, altHanging, engineSolo);
        row(table, "naive blocking listener", naiveSolo, naiveHanging, engineSolo);
        System.out.print(table);
        // bench/all.sh gathers these lines into its table of goals.
        double engineRatio = engineSolo.perSecond() / Math.max(0.001, altSolo.perSecond());
        System.out.printf(Locale.ROOT, "GOAL | dispatcher deliveries/s, %,d-event backlog to one 50 ms endpoint, one JVM |"
                        + " %,.0f/s, %s µs CPU each | Spring Kafka alternative %,.0f/s (%s µs); naive listener %,.1f/s |"
                        + " %.2f× the alternative, %.0f× naive | >= 10,000/s and >= 3× the alternative | %s%n", events,
                engineSolo.perSecond(), engineSolo.cpu(), altSolo.perSecond(), altSolo.cpu(), naiveSolo.perSecond(),
                engineRatio, engineSolo.perSecond() / Math.max(0.001, naiveSolo.perSecond()),
                engineSolo.perSecond() >= 10_000 && engineRatio >= 3 ? "met" : "not met");
        double engineShare = engineHanging.perSecond() / Math.max(0.001, engineSolo.perSecond());
        double altShare = altHanging.perSecond() / Math.max(0.001, altSolo.perSecond());
        System.out.printf(Locale.ROOT, "GOAL | healthy endpoint beside a hanging one, %% of its solo rate | engine %.0f %%"
                + " | Spring Kafka alternative %.0f %% | %.1f× | better than the alternative | %s%n", engineShare * 100,
                altShare * 100, engineShare / Math.max(0.001, altShare), engineShare > altShare ? "met" : "not met");
    }

    /**
     * The engine alone: a warm-up run, then one measured run (whose window {@link FlightRecording} records). With
     * {@code baselineArguments} (dispatcher command-line arguments, e.g. a previous default), runs the baseline and
     * the current configuration twice each, alternately, before the recorded run, and prints their rates.
     */
    void engineAtSaturation(int events, List<String> baselineArguments) {
        BacklogRate warmUp = engine(events, false, false);
        System.out.printf(Locale.ROOT, "[bench] JIT warm-up run (discarded): %s deliveries/s%n", warmUp.rate());
        if (!baselineArguments.isEmpty()) {
            for (int pair = 1; pair <= 2; pair++) {
                BacklogRate baseline = engine(events, false, false, baselineArguments);
                BacklogRate current = engine(events, false, false, List.of());
                System.out.printf(Locale.ROOT, "[bench] pair %d: baseline %s: %s/s, %s µs CPU/delivery; current: %s/s, "
                        + "%s µs CPU/delivery%n", pair, baselineArguments, baseline.rate(), baseline.cpu(),
                        current.rate(), current.cpu());
            }
        }
        engine(events, false, true);
    }

    private static void row(StringBuilder table, String name, BacklogRate solo, BacklogRate hanging, BacklogRate engine) {
        table.append(String.format(Locale.ROOT, "| %s | %s%s | %s | %.2f× | %s%s | %.0f %% | %s |%n", name, solo.rate(),
                solo.complete() ? "" : " (window ended)", solo.cpu(), engine.perSecond() / solo.perSecond(),
                hanging.rate(), hanging.complete() ? "" : " (window ended)", 100 * hanging.perSecond() / solo.perSecond(),
                hanging.cpu()));
    }

    private BacklogRate engine(int events, boolean withHanging, boolean recorded) {
        return engine(events, withHanging, recorded, List.of());
    }

    private BacklogRate engine(int events, boolean withHanging, boolean recorded, List<String> extraArguments) {
        return backlog("engine", events, withHanging, recorded, prefix -> {
            List<BenchEndpoint> configured = withHanging
                    ? List.of(new BenchEndpoint("healthy", endpoints.url("/healthy")),
                            new BenchEndpoint("dead", endpoints.url("/dead")))
                    : List.of(new BenchEndpoint("healthy", endpoints.url("/healthy")));
            List<String> arguments = new ArrayList<>(List.of("--hookline.dispatcher.retry.delays="
                    + String.join(",", retryDelays.stream().map(d -> d.toMillis() + "ms").toList())));
            arguments.addAll(extraArguments);
            return launcher.start(prefix, configured, arguments);
        }, topics::records);
    }

    private BacklogRate alternative(int events, boolean withHanging) {
        return backlog("alternative", events, withHanging, false, prefix -> {
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("healthy", endpoints.url("/healthy"));
            if (withHanging) {
                urls.put("dead", endpoints.url("/dead"));
            }
            SpringAlternativeSettings settings = new SpringAlternativeSettings(bootstrap, prefix + ".orders.events",
                    prefix + ".alt.deliveries", prefix + ".alt", urls, DispatcherLauncher.SECRET, retryDelays,
                    ALT_ATTEMPT_TIMEOUT);
            topics.createTopics(settings.topicsToCreate());
            return new SpringAlternative(settings);
        }, prefix -> {
            SpringAlternativeSettings.RetryTopics names = SpringAlternativeSettings.retryTopics(prefix + ".alt.deliveries",
                    retryDelays.size());
            return topics.recordsOn(names.retry()) + " / " + topics.recordsOn(List.of(names.deadLetter()));
        });
    }

    private BacklogRate backlog(String design, int events, boolean withHanging, boolean recorded,
            Function<String, AutoCloseable> start, Function<String, Object> retryRecords) {
        String prefix = "alt-bench-" + (++run);
        topics.create(prefix, retryDelays.size());
        endpoints.reset();
        feed.burst(prefix + ".orders.events", events);
        try (AutoCloseable dispatcher = start.apply(prefix)) {
            BacklogRate rate = BacklogRate.measure(endpoints, events / 10, events, WINDOW, recorded);
            System.out.printf(Locale.ROOT, "[bench] %s%s: %s deliveries/s, %s µs CPU/delivery (%d in the window); "
                    + "records on retry / dead-letter topics: %s%n", design, withHanging ? " beside hanging" : "",
                    rate.rate(), rate.cpu(), rate.delivered(), retryRecords.apply(prefix));
            return rate;
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        }
    }

    private BacklogRate naive(boolean withHanging) {
        String topic = "alt-bench-" + (++run) + ".orders.events";
        endpoints.reset();
        feed.burst(topic, NAIVE_EVENTS);
        List<String> urls = withHanging ? List.of(endpoints.url("/healthy"), endpoints.url("/dead"))
                : List.of(endpoints.url("/healthy"));
        try (NaiveDispatcher naive = new NaiveDispatcher(bootstrap, topic, topic + ".naive", BenchTopics.PARTITIONS,
                urls, WebhookSecret.parse(DispatcherLauncher.SECRET))) {
            return BacklogRate.measure(endpoints, 1, NAIVE_EVENTS, NAIVE_WINDOW, false);
        }
    }
}
