package io.hookline.orders.bench;

import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.schemas.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Benchmark of orders-api (run through {@code bench/orders-api.sh}, not a test): starts a Kafka broker in this
 * JVM, declares {@code orders.events} with {@code LogAppendTime} (so a record's timestamp is when the broker
 * appended it), starts orders-api from its {@code -exec.jar} as a separate JVM on 127.0.0.1, drives create+pay
 * over HTTP (a warm-up, then the measured run), and prints requests/s, latency percentiles and the outbox lag:
 * broker append time minus the event's {@code occurred_at} (stamped just before the payment's transaction
 * commits). Everything is bounded in count and time and cleaned up at the end.
 *
 * <p>Arguments ({@code key=value}): {@code pairs} (measured create+pay pairs, default 3000), {@code warmup}
 * (default 1000), {@code concurrency} (default 16), {@code max-seconds} (default 90, per phase), {@code jar}
 * (default {@code orders-api/target/orders-api-exec.jar}), {@code datasource-url} (default a fresh H2 file
 * database, as in the local stack; e.g. a PostgreSQL URL), {@code datasource-username}; any {@code app.<property>}
 * is passed to orders-api as {@code --<property>} (e.g. {@code app.spring.datasource.hikari.maximum-pool-size=24}).
 * The system property {@code bench.app-jvm} adds JVM options to orders-api's command line (e.g. a JFR recording).
 */
public final class OrdersBench {

    private OrdersBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int pairs = Integer.parseInt(options.getOrDefault("pairs", "3000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "90"));
        Path jar = Path.of(options.getOrDefault("jar", "orders-api/target/orders-api-exec.jar"));
        Path work = Files.createTempDirectory("orders-bench");
        String given = options.getOrDefault("datasource-url",
                "jdbc:h2:file:" + work.resolve("db/orders") + ";WRITE_DELAY=0");
        String user = options.getOrDefault("datasource-username", given.startsWith("jdbc:h2") ? "sa" : "postgres");
        ThrowawayDatabase database = given.startsWith("jdbc:postgresql:") ? ThrowawayDatabase.create(given, user) : null;
        String datasource = database != null ? database.url() : given;
        Process app = null;
        LoadDriver.Run ceiling = null;
        if (Boolean.parseBoolean(options.getOrDefault("ceiling", "true"))) {
            ceiling = ceiling(work, pairs, warmup, concurrency, maxSeconds);
        }
        try (KraftBroker broker = KraftBroker.create(0, work.resolve("kafka")).start()) {
            createTopic(broker.bootstrapServers());
            int port = freePort();
            List<String> appArgs = options.entrySet().stream().filter(e -> e.getKey().startsWith("app."))
                    .map(e -> "--" + e.getKey().substring(4) + "=" + e.getValue()).toList();
            app = startApp(jar, port, broker.bootstrapServers(), datasource, user, work, appArgs);
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(base, app, work);
            try (LagCollector lag = new LagCollector(broker.bootstrapServers())) {
                LoadDriver driver = new LoadDriver(base);
                System.out.printf(Locale.ROOT, "warm-up: %d pairs, concurrency %d%n", warmup, concurrency);
                driver.run(warmup, concurrency, System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos());
                System.out.printf(Locale.ROOT, "measured: %d pairs, concurrency %d, database %s%n", pairs, concurrency,
                        datasource.replaceAll("jdbc:h2:file:.*", "H2 file (WRITE_DELAY=0)"));
                Duration appCpuBefore = cpu(app);
                long benchCpuBefore = benchCpuNanos();
                LoadDriver.Run run = driver.run(pairs, concurrency,
                        System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos());
                Duration appCpu = cpu(app).minus(appCpuBefore);
                long benchCpu = benchCpuNanos() - benchCpuBefore;
                long[] lagMicros = lag.await(run.paidOrders().keySet(), Duration.ofSeconds(30));
                report(run, lagMicros);
                goals(run, ceiling, lagMicros, concurrency, database != null ? "PostgreSQL" : "H2");
                int requests = run.createMicros().length + run.payMicros().length;
                System.out.printf(Locale.ROOT, "CPU per request: orders-api %.0f us, load generator + broker %.0f us"
                        + " (process CPU during the measured run / requests)%n",
                        appCpu.toNanos() / 1e3 / Math.max(1, requests), benchCpu / 1e3 / Math.max(1, requests));
            }
        } finally {
            if (app != null) {
                app.destroy();
                if (!app.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            if (database != null) {
                database.close();
            }
            deleteRecursively(work);
        }
    }

    /** The same load against {@link TrivialOrdersEndpoint}: what the load generator and Tomcat alone reach. */
    private static LoadDriver.Run ceiling(Path work, int pairs, int warmup, int concurrency, long maxSeconds)
            throws Exception {
        try (TrivialOrdersEndpoint trivial = TrivialOrdersEndpoint.start(Files.createDirectories(work.resolve("ceiling")))) {
            LoadDriver driver = new LoadDriver(URI.create("http://127.0.0.1:" + trivial.port()));
            driver.run(warmup, concurrency, System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos());
            LoadDriver.Run run = driver.run(pairs, concurrency,
                    System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos());
            System.out.printf(Locale.ROOT, "ceiling (trivial Tomcat endpoint, same load generator): %.0f requests/s, "
                    + "latency %s%n", requests(run) / (run.elapsedNanos() / 1e9), Percentiles.of(
                    java.util.stream.LongStream.concat(java.util.Arrays.stream(run.createMicros()),
                            java.util.Arrays.stream(run.payMicros())).toArray()).describe());
            return run;
        }
    }

    private static int requests(LoadDriver.Run run) {
        return run.createMicros().length + run.payMicros().length;
    }

    /** One {@code GOAL |} line per goal, which bench/all.sh gathers into its table. */
    private static void goals(LoadDriver.Run run, LoadDriver.Run ceiling, long[] lagMicros, int concurrency,
            String database) {
        double rate = requests(run) / (run.elapsedNanos() / 1e9);
        String baseline = "-";
        String ratio = "-";
        if (ceiling != null) {
            double ceilingRate = requests(ceiling) / (ceiling.elapsedNanos() / 1e9);
            baseline = String.format(Locale.ROOT, "%.0f requests/s (trivial Tomcat endpoint)", ceilingRate);
            ratio = String.format(Locale.ROOT, "%.2f", rate / ceilingRate);
        }
        System.out.printf(Locale.ROOT, "GOAL | orders-api create + pay, %d clients, %s | %.0f requests/s | %s | %s |"
                + " >= 2,000 requests/s | %s%n", concurrency, database, rate, baseline, ratio, rate >= 2000 ? "met" : "not met");
        long[] sorted = lagMicros.clone();
        java.util.Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
        System.out.printf(Locale.ROOT, "GOAL | orders-api outbox lag p99 (commit -> appended), same run | %.0f ms | - | - |"
                + " <= 50 ms | %s%n", p99, p99 <= 50 ? "met" : "not met");
    }

    private static void report(LoadDriver.Run run, long[] lagMicros) {
        double seconds = run.elapsedNanos() / 1e9;
        int requests = run.createMicros().length + run.payMicros().length;
        long[] all = java.util.stream.LongStream.concat(java.util.Arrays.stream(run.createMicros()),
                java.util.Arrays.stream(run.payMicros())).toArray();
        System.out.printf(Locale.ROOT, "requests: %d ok, %d errors in %.2f s = %.0f requests/s (%.0f orders paid/s)%n",
                requests, run.errors(), seconds, requests / seconds, run.payMicros().length / seconds);
        System.out.println("latency all requests:   " + Percentiles.of(all).describe());
        System.out.println("latency POST /orders:   " + Percentiles.of(run.createMicros()).describe());
        System.out.println("latency POST .../payment: " + Percentiles.of(run.payMicros()).describe());
        System.out.println("outbox lag (commit -> record appended, ms resolution): "
                + Percentiles.of(lagMicros).describe() + " of " + run.paidOrders().size() + " order.paid events");
    }

    private static Duration cpu(Process app) {
        return app.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void createTopic(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(Topics.ORDERS_EVENTS, 3, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
    }

    private static Process startApp(Path jar, int port, String bootstrap, String datasource, String user, Path work,
            List<String> appArgs) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl orders-api package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        String jvmOptions = System.getProperty("bench.app-jvm", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.datasource.url=" + datasource, "--spring.datasource.username=" + user,
                "--logging.level.root=WARN"));
        command.addAll(appArgs);
        if (!appArgs.isEmpty()) {
            System.out.println("orders-api arguments: " + appArgs);
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("orders-api.log").toFile())
                .start();
    }

    private static void awaitHealthy(URI base, Process app, Path work) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && app.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("orders-api did not become healthy; log:\n"
                + Files.readString(work.resolve("orders-api.log")));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
