package io.hookline.receiver.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.receiver.inbox.InboxHeaders;
import io.hookline.receiver.support.OrderPaidBodies;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail benchmark (run by {@code bench/mail.sh}, not a test): N accepted {@code order.paid} webhooks are put on
 * a fresh inbox topic (3 partitions, the records the intake writes: key = order id, the inbox headers, the body),
 * then the receiver's own jar starts as a separate JVM (fresh H2 file database) and drains them to a GreenMail SMTP
 * server in this JVM. Per configuration it reports e-mails/s from the first to the last e-mail GreenMail received
 * (its own receive timestamps), the CPU of the receiver and of this JVM (broker and SMTP) meanwhile, and checks
 * every webhook-id was mailed exactly once, by counting GreenMail's messages per {@code Message-ID} after the
 * receiver has exited (so nothing can arrive later). Prints a markdown table and the ratio to the baseline.
 *
 * <p>Configurations: {@code baseline}: one SMTP connection per e-mail and the sender settings before pooling
 * ({@code BENCH_BASELINE_ARGS}, default {@code --hookline.receiver.mail.messages-per-connection=1 --hookline.receiver.mail.senders=3
 * --hookline.receiver.mail.batch-size=20}); {@code shipped}: the defaults. {@code BENCH_RECEIVER_ARGS} adds arguments to
 * both, {@code BENCH_RECEIVER_JVM_OPTIONS} JVM options ({@code {name}} is replaced by the run's topic prefix, e.g.
 * for a flight recording's file name), {@code BENCH_CONFIGURATIONS} picks them (default {@code baseline,shipped}).
 * Arguments: {@code [count=10000]}. Every wait is bounded.
 */
public final class MailBenchmark {

    private static final String BASELINE_ARGS = "--hookline.receiver.mail.messages-per-connection=1 --hookline.receiver.mail.senders=3 "
            + "--hookline.receiver.mail.batch-size=20";

    /** What one configuration came to. */
    private record Result(String name, int count, int received, int distinct, int duplicated, int missing,
            Duration firstToLast, double coresReceiver, double coresBench) {

        double perSecond() {
            return firstToLast.isZero() ? 0 : (received - 1) * 1000.0 / firstToLast.toMillis();
        }
    }

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path jar = Path.of("notification-receiver/target/notification-receiver-exec.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/mail.sh does)");
        }
        Path work = Files.createTempDirectory("hookline-bench-mail-");
        log("work directory " + work);
        List<Result> results = new ArrayList<>();
        try (KraftBroker broker = KraftBroker.create(0, work.resolve("kafka")).start()) {
            GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                String extra = System.getenv().getOrDefault("BENCH_RECEIVER_ARGS", "");
                String baseline = System.getenv().getOrDefault("BENCH_BASELINE_ARGS", BASELINE_ARGS);
                List<String> only = List.of(System.getenv().getOrDefault("BENCH_CONFIGURATIONS", "baseline,shipped")
                        .split(","));
                if (only.contains("baseline")) {
                    results.add(run("baseline", baseline + " " + extra, count, broker, smtp, jar, work));
                }
                if (only.contains("shipped")) {
                    results.add(run("shipped", extra, count, broker, smtp, jar, work));
                }
            } finally {
                smtp.stop();
            }
        }
        print(results, count);
        System.exit(results.stream().allMatch(r -> r.distinct() == count && r.duplicated() == 0) ? 0 : 1);
    }

    private static Result run(String name, String receiverArgs, int count, KraftBroker broker, GreenMail smtp,
            Path jar, Path work) throws Exception {
        String prefix = "bench-mail-" + UUID.randomUUID().toString().substring(0, 8) + "-" + name;
        smtp.purgeEmailFromAllMailboxes();
        List<String> ids = publish(broker.bootstrapServers(), prefix, count);
        log(name + ": " + count + " webhooks on " + prefix + ".inbox; starting the receiver (" + receiverArgs.trim()
                + ")");
        Process receiver = start(jar, work, prefix, broker.bootstrapServers(), smtp, receiverArgs);
        Duration cpuAtFirst = null;
        Duration benchAtFirst = null;
        long firstSeen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(Math.max(10, count / 20 / 60 + 5)).toNanos();
        int seen = 0;
        while (seen < count && System.nanoTime() < deadline && receiver.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(100); // sampling period of the progress, not a wait for a condition
            seen = smtp.getManagers().getImapHostManager().getAllMessages().size();
            if (seen > 0 && cpuAtFirst == null) {
                cpuAtFirst = cpu(receiver.toHandle());
                benchAtFirst = cpu(ProcessHandle.current());
                firstSeen = System.nanoTime();
            }
        }
        double wall = Math.max(1, System.nanoTime() - firstSeen) / 1e9;
        double coresReceiver = cpuAtFirst == null ? 0 : cpu(receiver.toHandle()).minus(cpuAtFirst).toMillis() / 1000.0 / wall;
        double coresBench = benchAtFirst == null ? 0
                : cpu(ProcessHandle.current()).minus(benchAtFirst).toMillis() / 1000.0 / wall;
        receiver.destroy(); // graceful shutdown: the senders finish what they hold, then nothing more can arrive
        if (!receiver.waitFor(90, TimeUnit.SECONDS)) {
            receiver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Result result = count(name, count, ids, smtp.getManagers().getImapHostManager().getAllMessages(),
                coresReceiver, coresBench);
        log(name + ": " + result);
        return result;
    }

    private static List<String> publish(String bootstrap, String prefix, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(prefix + ".inbox", 3, (short) 1),
                    new NewTopic(prefix + ".inbox.dlt", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        List<String> ids = new ArrayList<>(count);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String webhookId = OrderPaidBodies.newWebhookId();
                String orderId = OrderPaidBodies.newOrderId();
                String body = OrderPaidBodies.valid(orderId).replace("ada@example.com",
                        "customer" + (i % 100) + "@example.com");
                ProducerRecord<String, String> record = new ProducerRecord<>(prefix + ".inbox", orderId, body);
                String acceptedAt = Instant.now().toString();
                for (String[] header : new String[][] {{InboxHeaders.WEBHOOK_ID, webhookId},
                        {InboxHeaders.EVENT_ID, webhookId}, {InboxHeaders.EVENT_TYPE, "order.paid"},
                        {InboxHeaders.RECEIVED_AT, acceptedAt}}) {
                    record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
                ids.add(webhookId);
            }
            producer.flush();
        }
        return ids;
    }

    private static Result count(String name, int count, List<String> ids, List<StoredMessage> messages,
            double coresReceiver, double coresBench) throws MessagingException {
        Map<String, Integer> perId = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (StoredMessage message : messages) {
            String id = message.getMimeMessage().getMessageID();
            perId.merge(id == null ? "" : id.substring(1, id.indexOf('@')), 1, Integer::sum);
            first = Math.min(first, message.getReceivedDate().getTime());
            last = Math.max(last, message.getReceivedDate().getTime());
        }
        int missing = (int) ids.stream().filter(id -> !perId.containsKey(id)).count();
        int duplicated = (int) perId.values().stream().filter(n -> n > 1).count();
        int distinct = (int) ids.stream().filter(perId::containsKey).count();
        Duration span = messages.isEmpty() ? Duration.ZERO : Duration.ofMillis(last - first);
        return new Result(name, count, messages.size(), distinct, duplicated, missing, span, coresReceiver,
                coresBench);
    }

    private static Process start(Path jar, Path work, String prefix, String bootstrap, GreenMail smtp,
            String receiverArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError"));
        for (String option : System.getenv().getOrDefault("BENCH_RECEIVER_JVM_OPTIONS", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option.replace("{name}", prefix));
            }
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + freePort(),
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--hookline.receiver.inbox.topic=" + prefix + ".inbox",
                "--hookline.receiver.inbox.dead-letter-topic=" + prefix + ".inbox.dlt",
                "--spring.kafka.consumer.group-id=" + prefix,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve(prefix + "/notifications")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        for (String arg : receiverArgs.trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                command.add(arg);
            }
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(prefix + ".log").toFile()).start();
    }

    private static void print(List<Result> results, int count) {
        double baseline = results.getFirst().perSecond();
        System.out.println();
        System.out.printf("%,d accepted webhooks on the inbox topic, drained to GreenMail (%d cores)%n%n", count,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| configuration | e-mails received | webhook-ids mailed once | duplicated ids | missing ids "
                + "| first → last | e-mails/s | × baseline | CPU receiver / broker+SMTP (cores) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Result r : results) {
            System.out.printf("| %s | %,d | %,d | %d | %d | %.1f s | %,.0f | %.1f | %.2f / %.2f |%n", r.name(),
                    r.received(), r.distinct() - r.duplicated(), r.duplicated(), r.missing(),
                    r.firstToLast().toMillis() / 1000.0, r.perSecond(), baseline == 0 ? 0 : r.perSecond() / baseline,
                    r.coresReceiver(), r.coresBench());
        }
        System.out.println();
        Result shipped = results.getLast();
        // bench/all.sh gathers these lines into its table of goals.
        System.out.printf(Locale.ROOT, "GOAL | e-mails to the local SMTP catcher, %,d webhooks drained | %,.0f e-mails/s"
                + " (%d duplicated, %d missing) | %,.0f e-mails/s (one SMTP connection per e-mail) | %.1f | >= 500/s,"
                + " each webhook-id once | %s%n", count, shipped.perSecond(), shipped.duplicated(), shipped.missing(),
                baseline, baseline == 0 ? 0 : shipped.perSecond() / baseline,
                shipped.perSecond() >= 500 && shipped.duplicated() == 0 && shipped.missing() == 0 ? "met" : "not met");
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
