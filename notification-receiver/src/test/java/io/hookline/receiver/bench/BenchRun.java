package io.hookline.receiver.bench;

import io.hookline.schemas.signing.WebhookSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The phases of one benchmark run against a started receiver: a fixed rate (warm-up discarded, then measured, then
 * the same rate against the ceiling) or a saturation search over {@link ReceiverBenchmark#STEPS}.
 */
final class BenchRun {

    private final Path work;
    private final WebhookSecret secret;
    private final String runId;
    private final int connections;
    private final boolean record;
    private final boolean ceiling;

    BenchRun(Path work, WebhookSecret secret, String runId, int connections, boolean record, boolean ceiling) {
        this.work = work;
        this.secret = secret;
        this.runId = runId;
        this.connections = connections;
        this.record = record;
        this.ceiling = ceiling && CeilingServer.available();
        if (ceiling && !this.ceiling) {
            ReceiverBenchmark.log("no ceiling: /usr/sbin/nginx missing (apt-get install -y nginx)");
        }
    }

    void fixedRate(ReceiverProcess receiver, int rate, int seconds, int warmUp) throws Exception {
        OpenLoopLoad load = load(receiver.port(), "r");
        ReceiverBenchmark.log("first request after start-up: "
                + load.run(1, Duration.ofSeconds(1)).percentileMicros(100) / 1000.0 + " ms");
        if (warmUp > 0) {
            ReceiverBenchmark.log(load.run(rate, Duration.ofSeconds(warmUp)).render("warm-up (discarded)"));
        }
        if (record) {
            receiver.startRecording();
        }
        Measured measured = measure(load, receiver.handle(), rate, seconds);
        System.out.println();
        System.out.println(measured.render("RESULT (" + connections + " connections)"));
        if (record) {
            Path file = receiver.stopRecording();
            System.out.println(FlightRecordingSummary.summarize(file, 25));
            ReceiverBenchmark.log("recording " + file + " (jfr view hot-methods " + file + ")");
        }
        if (ceiling) {
            try (CeilingServer nginx = CeilingServer.start(work, ReceiverBenchmark.freePort())) {
                OpenLoopLoad toCeiling = load(nginx.port(), "c");
                toCeiling.run(rate, Duration.ofSeconds(Math.min(5, Math.max(1, warmUp))));
                Measured top = measure(toCeiling, nginx.handle(), rate, seconds);
                System.out.println(top.render("CEILING (nginx answering 202, same load)"));
                System.out.printf("  receiver / ceiling: accepted rate %.2f, p99 %.1f x%n%n",
                        measured.acceptedRate() / top.acceptedRate(),
                        measured.result().percentileMicros(99) / Math.max(1.0, top.result().percentileMicros(99)));
                goal(String.format(java.util.Locale.ROOT, "receiver p99 at %d/s offered, e-mail worker as shipped | "
                                + "p99 %.2f ms, %.0f accepted/s, %.0f us CPU each | nginx: p99 %.2f ms | %.1f | <= 10 ms | %s",
                        rate, p99Millis(measured), measured.acceptedRate(), measured.microsPerAccepted(), p99Millis(top),
                        p99Millis(measured) / Math.max(0.001, p99Millis(top)), p99Millis(measured) <= 10 ? "met" : "not met"));
                return;
            }
        }
        goal(String.format(java.util.Locale.ROOT, "receiver p99 at %d/s offered, e-mail worker as shipped | p99 %.2f ms,"
                        + " %.0f accepted/s | - (no nginx) | - | <= 10 ms | %s", rate, p99Millis(measured),
                measured.acceptedRate(), p99Millis(measured) <= 10 ? "met" : "not met"));
    }

    /** bench/all.sh gathers these lines into its table of goals. */
    private static void goal(String cells) {
        System.out.println("GOAL | " + cells);
    }

    private static double p99Millis(Measured measured) {
        return measured.result().percentileMicros(99) / 1000.0;
    }

    void saturate(ReceiverProcess receiver, int seconds, int p99BoundMillis) throws Exception {
        OpenLoopLoad load = load(receiver.port(), "r");
        ReceiverBenchmark.log(load.run(2_000, Duration.ofSeconds(seconds)).render("warm-up at 2000/s (discarded)"));
        List<String> table = new ArrayList<>();
        int best = search("receiver", load, receiver.handle(), ReceiverBenchmark.STEPS, seconds, p99BoundMillis,
                table);
        int top = 0;
        if (ceiling) {
            try (CeilingServer nginx = CeilingServer.start(work, ReceiverBenchmark.freePort())) {
                OpenLoopLoad toCeiling = load(nginx.port(), "c");
                toCeiling.run(2_000, Duration.ofSeconds(2));
                top = search("ceiling", toCeiling, nginx.handle(), Stream.concat(ReceiverBenchmark.STEPS.stream(),
                        ReceiverBenchmark.CEILING_STEPS.stream()).toList(), seconds, p99BoundMillis, table);
            }
        }
        System.out.println();
        System.out.println("SATURATION (" + connections + " connections, " + seconds + " s per step, pass = >= 95 % "
                + "accepted and p99 <= " + p99BoundMillis + " ms)");
        table.forEach(System.out::println);
        System.out.printf("  highest passing rate: receiver %d/s, ceiling %s%n%n", best,
                ceiling ? top + "/s (receiver / ceiling " + String.format("%.2f", best / (double) top) + ")" : "n/a");
        goal(String.format(java.util.Locale.ROOT, "receiver signed webhooks accepted durably (202 after acks=all; a step"
                        + " passes with >= 95 %% accepted, p99 <= %d ms) | %,d/s | nginx answering 202: %s | %s |"
                        + " >= 10,000/s | %s", p99BoundMillis, best, ceiling ? String.format("%,d/s", top) : "-",
                ceiling && top > 0 ? String.format(java.util.Locale.ROOT, "%.2f", best / (double) top) : "-",
                best >= 10_000 ? "met" : "not met"));
    }

    private int search(String name, OpenLoopLoad load, ProcessHandle process, List<Integer> rates, int seconds,
            int p99BoundMillis, List<String> table) throws InterruptedException {
        int best = 0;
        for (int rate : rates) {
            Measured step = measure(load, process, rate, seconds);
            boolean pass = step.acceptedRate() >= 0.95 * rate && step.result().percentileMicros(99)
                    <= p99BoundMillis * 1000L;
            table.add(String.format("  %-8s offered %6d/s: accepted %8.0f/s, p50 %7.2f ms, p99 %8.2f ms, CPU %.2f "
                            + "cores (%4.0f us/accepted), statuses %s %s", name, rate, step.acceptedRate(),
                    step.result().percentileMicros(50) / 1000.0, step.result().percentileMicros(99) / 1000.0,
                    step.cores(), step.microsPerAccepted(), step.result().statuses(), pass ? "PASS" : "FAIL"));
            ReceiverBenchmark.log(table.getLast());
            if (!pass) {
                break;
            }
            best = rate;
        }
        return best;
    }

    private Measured measure(OpenLoopLoad load, ProcessHandle server, int rate, int seconds)
            throws InterruptedException {
        Duration serverCpu = ReceiverBenchmark.cpu(server);
        Duration ownCpu = ReceiverBenchmark.cpu(ProcessHandle.current());
        OpenLoopLoad.Result result = load.run(rate, Duration.ofSeconds(seconds));
        return new Measured(result, ReceiverBenchmark.cpu(server).minus(serverCpu),
                ReceiverBenchmark.cpu(ProcessHandle.current()).minus(ownCpu));
    }

    private OpenLoopLoad load(int port, String prefix) {
        return new OpenLoopLoad("127.0.0.1", port, secret, prefix + runId, connections);
    }

    /** One measured phase with the CPU the server and this JVM spent in it. */
    record Measured(OpenLoopLoad.Result result, Duration serverCpu, Duration ownCpu) {

        long accepted() {
            return result.statuses().getOrDefault(202, 0L);
        }

        double acceptedRate() {
            return accepted() / (result.took().toNanos() / 1e9);
        }

        double cores() {
            return serverCpu.toNanos() / (double) result.took().toNanos();
        }

        double microsPerAccepted() {
            return serverCpu.toNanos() / 1e3 / Math.max(1, accepted());
        }

        String render(String phase) {
            return result.render(phase) + String.format("%n  accepted (202) %.0f/s; CPU: server %.2f cores = %.0f us "
                            + "per accepted webhook, this JVM (broker, SMTP, load) %.2f cores, of %d",
                    acceptedRate(), cores(), microsPerAccepted(),
                    ownCpu.toNanos() / (double) result.took().toNanos(), Runtime.getRuntime().availableProcessors());
        }
    }
}
