package io.hookline.chaos;

import io.hookline.chaos.stack.ChaosStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The faults of a run, each due when the order stream reaches a share of its orders: kill -9 of each service
 * named in the settings (then a restart, waited for until healthy), an SMTP outage (its end comes on a timer,
 * so the other steps go on meanwhile) and a broker restart; on a cluster ({@link ChaosTopology}) a broker node killed
 * with SIGKILL and restarted (waited for until every partition's ISR is full again), a second dispatcher and
 * receiver started, and the first dispatcher killed for good. Steps run one after another on the schedule's own
 * thread; a step that fails is logged and the others still run.
 */
final class ChaosSchedule {

    private record Step(double at, String name, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** The cluster node the run kills: any node will do, each leads a share of the partitions. */
    private static final int KILLED_NODE = 2;

    private final List<Step> steps = new ArrayList<>();
    private final ChaosLog log;
    private volatile CompletableFuture<Void> smtpBack = CompletableFuture.completedFuture(null);
    /** The second dispatcher and receiver starting (JVM starts take a while; the other steps go on meanwhile). */
    private volatile CompletableFuture<Boolean> scaledOut = CompletableFuture.completedFuture(false);

    ChaosSchedule(ChaosSettings settings, ChaosStack stack, ChaosLog log) {
        this.log = log;
        List<String> kills = settings.kills();
        for (int i = 0; i < kills.size(); i++) {
            String service = kills.get(i);
            double at = kills.size() == 1 ? 0.3 : 0.15 + 0.4 * i / (kills.size() - 1);
            steps.add(new Step(at, "kill -9 " + service, () -> killAndRestart(stack, service)));
        }
        if (!settings.smtpOutage().isZero()) {
            steps.add(new Step(0.25, "SMTP outage", () -> smtpOutage(stack, settings.smtpOutage())));
        }
        ChaosTopology topology = settings.topology();
        if (settings.brokerRestart() && topology.isCluster()) {
            steps.add(new Step(0.1, "kill -9 broker node " + KILLED_NODE,
                    () -> brokerNodeKill(stack, settings.brokerDowntime(), settings.startTimeout())));
        } else if (settings.brokerRestart()) {
            steps.add(new Step(0.7, "broker restart", () -> brokerRestart(stack, settings.brokerDowntime())));
        }
        if (topology.scaleOut()) {
            steps.add(new Step(0.05, "scale out", () -> scaleOut(stack)));
            steps.add(new Step(0.5, "kill -9 " + ChaosSettings.DISPATCHER + " for good",
                    () -> killForGood(stack, ChaosSettings.DISPATCHER)));
        }
        steps.sort(Comparator.comparingDouble(Step::at));
    }

    /** Runs every step when the stream's {@code progress} reaches it; completes when all are done. */
    CompletableFuture<Void> start(DoubleSupplier progress) {
        return CompletableFuture.runAsync(() -> {
            for (Step step : steps) {
                try {
                    while (progress.getAsDouble() < step.at()) {
                        Thread.sleep(100); // polling the stream's progress, not waiting for a result
                    }
                    step.action().run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log.failed(step.name() + ": " + e.getMessage());
                }
            }
            smtpBack.join();
            scaledOut.join();
        }, runnable -> Thread.ofPlatform().name("chaos-schedule").daemon().start(runnable));
    }

    private void killAndRestart(ChaosStack stack, String service) throws InterruptedException {
        long pid = stack.kill(service);
        log.note("kill -9 " + service + " (pid " + pid + ")");
        stack.restart(service);
        log.note(service + " restarted (pid " + stack.service(service).pid() + ") and healthy");
    }

    private void smtpOutage(ChaosStack stack, Duration outage) {
        stack.mail().stop();
        log.note("SMTP server stopped for " + outage.toSeconds() + " s");
        smtpBack = CompletableFuture.runAsync(() -> {
            stack.mail().start();
            log.note("SMTP server started again");
        }, CompletableFuture.delayedExecutor(outage.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void brokerNodeKill(ChaosStack stack, Duration downtime, Duration rejoinTimeout)
            throws InterruptedException {
        long pid = stack.killBrokerNode(KILLED_NODE);
        log.note("kill -9 broker node " + KILLED_NODE + " (pid " + pid + "); two of three replicas left in sync");
        Thread.sleep(downtime.toMillis()); // the outage itself, not a wait for a result
        long restarted = System.nanoTime();
        stack.restartBrokerNode(KILLED_NODE, rejoinTimeout);
        log.note(String.format("broker node %d restarted after %d s down and rejoined: every partition's ISR full "
                + "again %.1f s after its restart", KILLED_NODE, downtime.toSeconds(),
                (System.nanoTime() - restarted) / 1e9));
    }

    /** Starts the second dispatcher and receiver in the background; the schedule goes on meanwhile. */
    private void scaleOut(ChaosStack stack) {
        log.note("starting a second dispatcher and receiver");
        scaledOut = CompletableFuture.supplyAsync(() -> {
            try {
                String names = stack.startInstances(List.of(ChaosSettings.DISPATCHER, ChaosSettings.RECEIVER));
                log.note(names + " healthy, sharing their databases with the first instances");
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                log.failed("scale out: " + e.getMessage());
                return false;
            }
        }, runnable -> Thread.ofPlatform().name("chaos-scale-out").daemon().start(runnable));
    }

    /** Once the second instance is healthy, kills the first for good: the second takes over its partitions. */
    private void killForGood(ChaosStack stack, String service) throws InterruptedException {
        if (!scaledOut.join()) {
            log.failed("kill -9 " + service + " for good: skipped, its successor did not become healthy");
            return;
        }
        long pid = stack.kill(service);
        log.note("kill -9 " + service + " (pid " + pid + "), not restarted: the other instance takes its partitions");
    }

    private void brokerRestart(ChaosStack stack, Duration downtime) throws InterruptedException {
        log.note("broker stopping");
        stack.restartBroker(downtime);
        log.note("broker started again after " + downtime.toSeconds() + " s down");
    }
}
