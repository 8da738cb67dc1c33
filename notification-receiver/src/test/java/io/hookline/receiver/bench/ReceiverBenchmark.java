package io.hookline.receiver.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.receiver.verification.VerificationProperties;
import io.hookline.schemas.signing.WebhookSecret;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's benchmark (run by {@code bench/receiver.sh}, not a test): starts an embedded Kafka broker
 * (KRaft, one node, 127.0.0.1), a GreenMail SMTP server and the receiver's own jar as a separate JVM with
 * an H2 file database, then drives {@code POST /webhooks/order-paid} open-loop with correctly signed requests and
 * reports latency percentiles, the receiver's CPU per accepted webhook and, against the ceiling endpoint (nginx
 * answering 202, {@link CeilingServer}) driven the same way in the same run, the receiver's rate as a fraction of
 * it. Every 202 includes the durable hand-off ({@code acks=all} on {@code notifications.inbox}); the worker sends
 * the e-mails at the same time, on the same two cores.
 *
 * <p>Arguments: {@code [rate=2000] [seconds=60] [warm-up seconds=20]}, or {@code saturate [seconds per step=10]
 * [p99 bound ms=50]}: offered rates from 2,000/s up in steps ({@link #STEPS}) until fewer than 95 % are accepted
 * or p99 passes the bound, then the same steps (and higher) against the ceiling. Environment: {@code
 * BENCH_CONNECTIONS} (default 16) keep-alive connections; {@code BENCH_JFR=1} records the receiver over the measured
 * phase and prints where its CPU went; {@code BENCH_CEILING=0} skips the ceiling; {@code BENCH_RECEIVER_ARGS} adds
 * receiver arguments (e.g. {@code --spring.kafka.listener.auto-startup=false}), {@code BENCH_RECEIVER_JVM_OPTIONS}
 * JVM options, {@code BENCH_RECEIVER_JAR} another build of the receiver (e.g. the previous commit's, as the baseline).
 */
public final class ReceiverBenchmark {

    /** Offered rates of the saturation mode, per second. */
    static final List<Integer> STEPS = List.of(2_000, 4_000, 6_000, 8_000, 10_000, 12_000, 15_000);

    /** Further rates tried against the ceiling only. */
    static final List<Integer> CEILING_STEPS = List.of(20_000, 30_000, 40_000);

    private ReceiverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean saturate = args.length > 0 && args[0].equals("saturate");
        quietLogging();
        Path jar = Path.of(System.getenv().getOrDefault("BENCH_RECEIVER_JAR",
                "notification-receiver/target/notification-receiver-exec.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/receiver.sh does)");
        }
        Path work = Files.createTempDirectory("hookline-bench-receiver-");
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
            try (ReceiverProcess receiver = ReceiverProcess.start(jar, work, freePort(), broker.bootstrapServers(),
                    smtp)) {
                receiver.awaitHealthy();
                BenchRun bench = new BenchRun(work, WebhookSecret.parse(VerificationProperties.DEVELOPMENT_SECRET),
                        UUID.randomUUID().toString().replace("-", "").substring(0, 8),
                        Integer.parseInt(System.getenv().getOrDefault("BENCH_CONNECTIONS", "16")),
                        "1".equals(System.getenv("BENCH_JFR")), !"0".equals(System.getenv("BENCH_CEILING")));
                if (saturate) {
                    bench.saturate(receiver, intArg(args, 1, 10), intArg(args, 2, 50));
                } else {
                    bench.fixedRate(receiver, intArg(args, 0, 2000), intArg(args, 1, 60), intArg(args, 2, 20));
                }
                log("e-mails sent by the worker so far: " + mails[0] + " (it drains the queue behind the load)");
            } finally {
                mailCounter.shutdownNow();
                smtp.stop();
            }
        }
        log("receiver log: " + work.resolve("receiver.log"));
        System.exit(0);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** The broker and GreenMail log through this JVM's Logback, which defaults to DEBUG. */
    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Duration cpu(ProcessHandle process) {
        Duration own = process.info().totalCpuDuration().orElse(Duration.ZERO);
        return process.descendants().map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(own, Duration::plus);
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
