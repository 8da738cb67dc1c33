package io.hookline.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Start-up benchmark (run through {@code bench/startup.sh}, not a test). Starts the local stack on free ports in
 * a temporary directory, then for each service, while the other two keep running idle:
 * <ol>
 *   <li><b>as shipped</b>: {@code java -jar <module>-exec.jar}, the way the local stack and the compose image run it;
 *   <li><b>AOT cache</b>: the same jar extracted ({@code -Djarmode=tools extract}, Spring Boot's documented layout
 *       for class-data sharing), one training run with JDK 25's {@code -XX:AOTCacheOutput}, then
 *       {@code -XX:AOTCache}: classes come loaded and linked from the cache.
 * </ol>
 * Each mode is started {@code rounds} times, alternating, and timed from process start to the first 200 of
 * {@code /actuator/health} (Kafka and the database connected). Then the stack is put under load (closed-loop
 * create + pay against orders-api) and the dispatcher and the receiver are killed (-9) and restarted as shipped,
 * timed the same way. Prints markdown tables; bounded by the stack's start timeout on every wait.
 *
 * <p>Arguments: {@code [rounds, default 3] [load clients, default 8]}.
 */
public final class StartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("hookline-startup-bench");
        int[] ports = freePorts(7);
        StackSettings settings = new StackSettings(Path.of(".").toAbsolutePath().normalize(), data, null,
                ports[0], ports[1], ports[2], ports[3], ports[4], StackSettings.DEVELOPMENT_WEBHOOK_SECRET,
                Duration.ofSeconds(180), ports[5], ports[6]);
        long t0 = System.nanoTime();
        int status = 1;
        try (RunningStack stack = LocalStack.start(settings)) {
            System.out.printf(Locale.ROOT, "local stack (broker, SMTP catcher, three services started together): "
                    + "healthy in %d ms%n%n", (System.nanoTime() - t0) / 1_000_000);
            List<String> rows = new ArrayList<>();
            for (ServiceProcess service : stack.services()) {
                rows.add(idleStarts(service, settings, data, rounds));
            }
            System.out.println("| service (others idle) | as shipped: median (min-max) | AOT cache: median (min-max)"
                    + " | AOT / as shipped |");
            System.out.println("| --- | --- | --- | --- |");
            rows.forEach(System.out::println);
            System.out.println();
            underLoad(stack, settings, clients);
            status = 0;
        } finally {
            deleteQuietly(data);
            // a failed start leaves broker threads behind; the benchmark must end either way
            System.exit(status);
        }
    }

    private static String idleStarts(ServiceProcess running, StackSettings settings, Path data, int rounds)
            throws Exception {
        ServiceSpec shipped = running.spec();
        Path logs = data.resolve("logs");
        Path dir = data.resolve("aot").resolve(shipped.name());
        ServiceSpec extracted = extract(shipped, dir);
        Path cache = dir.resolve("app.aot");
        running.stop();
        ServiceProcess training = new ServiceProcess(extracted, logs, List.of("-XX:AOTCacheOutput=" + cache));
        training.start().awaitHealthy(settings.startTimeout());
        training.stop();
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache at " + cache);
        }
        long[] plain = new long[rounds];
        long[] aot = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            plain[i] = timedStart(new ServiceProcess(shipped, logs), settings);
            aot[i] = timedStart(new ServiceProcess(extracted, logs, List.of("-XX:AOTCache=" + cache)), settings);
        }
        running.start().awaitHealthy(settings.startTimeout());
        long best = Math.min(median(plain), median(aot));
        // bench/all.sh gathers these lines into its table of goals.
        System.out.printf(Locale.ROOT, "GOAL | start-up of %s to /actuator/health 200, others idle | %s with the AOT"
                + " cache | %s as shipped (java -jar) | %.2f | <= 5 s | %s%n", shipped.name(), describe(aot),
                describe(plain), (double) median(aot) / median(plain), best <= 5_000 ? "met" : "not met");
        return String.format(Locale.ROOT, "| %s | %s | %s | %.2f |", shipped.name(), describe(plain), describe(aot),
                (double) median(aot) / median(plain));
    }

    private static long timedStart(ServiceProcess process, StackSettings settings) throws InterruptedException {
        long start = System.nanoTime();
        process.start().awaitHealthy(settings.startTimeout());
        long millis = (System.nanoTime() - start) / 1_000_000;
        process.stop();
        return millis;
    }

    /** Kills and restarts the dispatcher and the receiver while clients create and pay orders. */
    private static void underLoad(RunningStack stack, StackSettings settings, int clients) throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        java.util.concurrent.CountDownLatch warmedUp = new java.util.concurrent.CountDownLatch(500);
        ExecutorService load = Executors.newFixedThreadPool(clients);
        URI orders = URI.create(stack.service(StackServices.ORDERS_API).spec().baseUrl());
        for (int i = 0; i < clients; i++) {
            load.submit(() -> createAndPay(orders, loading, requests, warmedUp));
        }
        try {
            if (!warmedUp.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load did not reach 500 requests within 60 s");
            }
            List<String> goals = new ArrayList<>();
            System.out.printf(Locale.ROOT, "| restarted after kill -9, %d clients creating and paying orders |"
                    + " healthy after | requests/s meanwhile |%n| --- | --- | --- |%n", clients);
            for (String name : List.of(StackServices.DISPATCHER, StackServices.RECEIVER)) {
                ServiceProcess service = stack.service(name);
                service.kill();
                long before = requests.get();
                long start = System.nanoTime();
                service.start().awaitHealthy(settings.startTimeout());
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf(Locale.ROOT, "| %s | %d ms | %.0f |%n", name, millis,
                        (requests.get() - before) * 1000.0 / Math.max(1, millis));
                goals.add(String.format(Locale.ROOT, "GOAL | %s restarted after kill -9 while %d clients create and pay"
                        + " orders, to health 200 | %d ms | - | - | <= 20 s | %s", name, clients, millis,
                        millis <= 20_000 ? "met" : "not met"));
            }
            goals.forEach(System.out::println);
        } finally {
            loading.set(false);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static Void createAndPay(URI orders, AtomicBoolean loading, AtomicLong requests,
            java.util.concurrent.CountDownLatch warmedUp) throws Exception {
        while (loading.get()) {
            HttpResponse<String> created = post(orders.resolve("/orders"), """
                    {"customer_email":"startup-bench@example.com","product_name":"Keyboard","quantity":1,\
                    "unit_price":"10.00","currency":"USD"}""");
            requests.incrementAndGet();
            warmedUp.countDown();
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"(ord_[0-9a-f]+)\"")
                    .matcher(created.body());
            if (created.statusCode() == 201 && id.find()) {
                post(orders.resolve("/orders/" + id.group(1) + "/payment"), "{\"payment_method\":\"tok_visa\"}");
                requests.incrementAndGet();
                warmedUp.countDown();
            }
        }
        return null;
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + StackSettings.DEVELOPMENT_ORDERS_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Spring Boot's extracted layout: {@code <dir>/<jar name>} with its libraries in {@code <dir>/lib}. */
    private static ServiceSpec extract(ServiceSpec spec, Path dir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", spec.jar().toString(), "extract",
                "--force", "--destination", dir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
            throw new IllegalStateException("could not extract " + spec.jar());
        }
        return new ServiceSpec(spec.name(), dir.resolve(spec.jar().getFileName()), spec.port(), spec.arguments(),
                spec.role());
    }

    private static String describe(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%d ms (%d-%d)", median(millis), sorted[0], sorted[sorted.length - 1]);
    }

    private static long median(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Distinct free ports: every socket is held open until all are chosen. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
