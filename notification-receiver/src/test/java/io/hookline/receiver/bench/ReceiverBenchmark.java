package io.hookline.receiver.bench;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.receiver.verification.VerificationProperties;
import io.hookline.schemas.signing.WebhookSecret;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;



/**
 * The receiver's benchmark (run by {@code bench/receiver.sh}, not a test): starts an embedded Kafka broker
 * (KRaft, one node, 127.0.0.1), a GreenMail SMTP server and the receiver's own jar as a separate JVM with
 * an H2 file database, then drives {@code POST /webhooks/order-paid} open-loop at a constant rate with
 * correctly signed requests and reports latency percentiles. Every 202 includes the durable hand-off
 * ({@code acks=all} on {@code notifications.inbox}); the worker sends the e-mails at the same time, on
 * the same two cores.
 *
 * <p>Arguments: {@code [rate=2000] [seconds=60] [warm-up seconds=20]}; environment {@code BENCH_CONNECTIONS}
 * (default 16) sets the number of keep-alive connections, {@code BENCH_RECEIVER_ARGS}
 * adds receiver arguments (e.g. {@code --spring.kafka.listener.auto-startup=false} to measure the endpoint
 * without the worker), {@code BENCH_RECEIVER_JVM_OPTIONS} adds JVM options (e.g. a flight recording).
 */
public final class ReceiverBenchmark {

    private ReceiverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        quietLogging();
        Path jar = Path.of("notification-receiver/target/notification-receiver-exec.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/receiver.sh does)");
        }
        Path work = Files.createTempDirectory("hookline-bench-receiver-");
        int httpPort = freePort();
        log("work directory " + work);
        try (KraftBroker broker = KraftBroker.create(0, work.resolve("kafka")).start()) {
            GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            var mailCounter = Executors.newSingleThreadScheduledExecutor();
            long[] mails = {0};
            mailCounter.scheduleWithFixedDelay(() -> {
                try {
                    mails[0] += smtp.getReceivedMessages().length;
                    smtp.purgeEmailFromAllMailboxes();
                } catch (Exception e) {
                    log("could not count e-mails: " + e);
                }
            }, 1, 1, TimeUnit.SECONDS);
            Process receiver = startReceiver(jar, work, httpPort, broker.bootstrapServers(), smtp);
            try {
                awaitHealthy(httpPort, receiver, work);
                run(rate, seconds, warmUp, httpPort, receiver.toHandle());
                log("e-mails sent by the worker so far: " + mails[0] + " (it drains the queue behind the load)");
            } finally {
                receiver.destroy();
                receiver.waitFor(30, TimeUnit.SECONDS);
                mailCounter.shutdownNow();
                smtp.stop();
            }
        }
        log("receiver log: " + work.resolve("receiver.log"));
        System.exit(0);
    }

    private static void run(int rate, int seconds, int warmUp, int port, ProcessHandle receiver)
            throws InterruptedException {
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        int connections = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONNECTIONS", "16"));
        OpenLoopLoad load = new OpenLoopLoad("127.0.0.1", port,
                WebhookSecret.parse(VerificationProperties.DEVELOPMENT_SECRET), runId, connections);
        log("first request after start-up: " + load.run(1, Duration.ofSeconds(1)).percentileMicros(100) / 1000.0
                + " ms");
        if (warmUp > 0) {
            log(load.run(rate, Duration.ofSeconds(warmUp)).render("warm-up (discarded)"));
        }
        Duration receiverCpu = cpu(receiver);
        Duration ownCpu = cpu(ProcessHandle.current());
        OpenLoopLoad.Result result = load.run(rate, Duration.ofSeconds(seconds));
        double wall = result.took().toMillis() / 1000.0;
        System.out.println();
        System.out.println(result.render("RESULT (" + connections + " connections)"));
        System.out.printf("  CPU during the measured phase: receiver %.2f cores, this JVM (broker, SMTP, load) %.2f cores, "
                + "of %d%n", cpu(receiver).minus(receiverCpu).toMillis() / 1000.0 / wall,
                cpu(ProcessHandle.current()).minus(ownCpu).toMillis() / 1000.0 / wall,
                Runtime.getRuntime().availableProcessors());
        System.out.println();
    }

    private static Process startReceiver(Path jar, Path work, int port, String bootstrap, GreenMail smtp)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError"));
        String jvmOptions = System.getenv().getOrDefault("BENCH_RECEIVER_JVM_OPTIONS", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/notifications") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        String extra = System.getenv().getOrDefault("BENCH_RECEIVER_ARGS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        log("starting " + String.join(" ", command));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("receiver.log").toFile()).start();
    }

    private static void awaitHealthy(int port, Process receiver, Path work) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!receiver.isAlive()) {
                throw new IllegalStateException("the receiver exited; see " + work.resolve("receiver.log"));
            }
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        log("receiver healthy on port " + port);
    }

    /** The broker and GreenMail log through this JVM's Logback, which defaults to DEBUG. */
    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
