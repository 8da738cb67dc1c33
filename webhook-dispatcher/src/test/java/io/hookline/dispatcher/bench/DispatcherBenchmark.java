package io.hookline.dispatcher.bench;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.testsupport.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Side-by-side benchmark of the delivery engine and a naive blocking listener (issue 4), everything on
 * 127.0.0.1 in this JVM: the embedded Kafka broker, the endpoints ({@link BenchEndpoints}), the producer
 * ({@link EventFeed}) and either dispatcher. Prints a table. Run through {@code bench/dispatcher.sh}.
 * <p>
 * Arguments: events per throughput run (default 30000), seconds of the 500/s latency run (default 20). A
 * first throughput run of the engine warms the JIT up and is printed but not tabled (the same JVM then runs
 * every scenario, so the engine's numbers are warm and the baseline's are too).
 */
public final class DispatcherBenchmark {

    private static final Duration ENDPOINT_DELAY = Duration.ofMillis(50);
    private static final String SECRET = "whsec_YmVuY2htYXJrLXNlY3JldC1rZXktZm9yLWRpc3BhdGNoZXI=";
    private static final int LATENCY_RATE = 500;

    private final String bootstrap = TestKafka.bootstrapServers();
    private final EventFeed feed = new EventFeed(bootstrap);
    private final BenchEndpoints endpoints = new BenchEndpoints(ENDPOINT_DELAY, feed.sentNanos());
    private final Path data;
    private int run;

    private DispatcherBenchmark() throws Exception {
        data = Files.createTempDirectory("dispatcher-bench");
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        DispatcherBenchmark bench = new DispatcherBenchmark();
        List<String[]> rows = new ArrayList<>();
        double warmUp = bench.oursThroughput(events, false);
        System.out.printf(Locale.ROOT, "[bench] JIT warm-up run (discarded): %.1f deliveries/s%n", warmUp);
        double oursHealthy = bench.oursThroughput(events, false);
        double oursWithDead = bench.oursThroughput(events, true);
        double[] oursLatency = bench.oursLatency(latencySeconds);
        double naiveHealthy = bench.naiveThroughput(false, 15);
        double naiveWithDead = bench.naiveThroughput(true, 25);
        double[] naiveLatency = bench.naiveLatency(10);
        rows.add(new String[] {"deliveries/s, one endpoint answering 2xx after 50 ms", rate(naiveHealthy),
                rate(oursHealthy), ">= 5,000"});
        rows.add(new String[] {"healthy-endpoint deliveries/s with a second endpoint that never answers",
                rate(naiveWithDead) + percent(naiveWithDead, naiveHealthy),
                rate(oursWithDead) + percent(oursWithDead, oursHealthy), ">= 90 % of the above"});
        rows.add(new String[] {"latency appended -> received at 500 events/s, p50 / p99 (max)",
                latency(naiveLatency), latency(oursLatency), "p99 < 50 ms"});
        print(rows, events, latencySeconds);
        bench.endpoints.close();
        bench.feed.close();
        System.exit(0);
    }

    private double oursThroughput(int events, boolean withDead) {
        String prefix = "bench-" + (++run);
        createTopics(prefix);
        endpoints.reset();
        feed.burst(prefix + ".orders.events", events);
        try (ConfigurableApplicationContext dispatcher = startDispatcher(prefix, withDead)) {
            return throughput(events, Duration.ofSeconds(120));
        }
    }

    private double[] oursLatency(int seconds) {
        String prefix = "bench-" + (++run);
        createTopics(prefix);
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

    /**
     * Creates the run's topics up front and waits until every partition has a leader, as in a deployment
     * where topics exist long before traffic: a produce racing a brand-new topic's leader election was seen
     * to stall the idempotent producer (OutOfOrderSequenceException) for the delivery timeout.
     */
    private void createTopics(String prefix) {
        List<String> names = new ArrayList<>(List.of(prefix + ".orders.events", prefix + ".orders.events.dlt",
                prefix + ".webhooks.deliveries", prefix + ".webhooks.deliveries.dlt"));
        for (int n = 1; n <= 7; n++) {
            names.add(prefix + ".webhooks.deliveries.retry." + n);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, 3, (short) 1)).toList()).all().get();
            awaitUntil(() -> leadersElected(admin, names), Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        pause(Duration.ofSeconds(1));
    }

    private static boolean leadersElected(Admin admin, List<String> names) {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null));
        } catch (Exception e) {
            return false;
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
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.reactor.netty=ERROR",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve(prefix) + ";WRITE_DELAY=0",
                "--dispatcher.topics.events=" + prefix + ".orders.events",
                "--dispatcher.topics.events-dead-letter=" + prefix + ".orders.events.dlt",
                "--dispatcher.topics.deliveries=" + prefix + ".webhooks.deliveries",
                "--spring.kafka.consumer.group-id=" + prefix,
                "--dispatcher.delivery.group-id=" + prefix + ".deliveries",
                "--dispatcher.delivery.shutdown-timeout=1s",
                "--dispatcher.endpoints[0].name=healthy",
                "--dispatcher.endpoints[0].url=" + endpoints.url("/healthy"),
                "--dispatcher.endpoints[0].secret=" + SECRET));
        if (withDead) {
            args.addAll(List.of("--dispatcher.endpoints[1].name=dead",
                    "--dispatcher.endpoints[1].url=" + endpoints.url("/dead"),
                    "--dispatcher.endpoints[1].secret=" + SECRET));
        }
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(args.toArray(String[]::new));
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

    private static void awaitUntil(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark step did not finish within " + limit);
            }
            pause(Duration.ofMillis(5));
        }
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
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
