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
 * so the other steps go on meanwhile) and a broker restart. Steps run one after another on the schedule's own
 * thread; a step that fails is logged and the others still run.
 */
final class ChaosSchedule {

    private record Step(double at, String name, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private final List<Step> steps = new ArrayList<>();
    private final ChaosLog log;
    private volatile CompletableFuture<Void> smtpBack = CompletableFuture.completedFuture(null);

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
        if (settings.brokerRestart()) {
            steps.add(new Step(0.7, "broker restart", () -> brokerRestart(stack, settings.brokerDowntime())));
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

    private void brokerRestart(ChaosStack stack, Duration downtime) throws InterruptedException {
        log.note("broker stopping");
        stack.restartBroker(downtime);
        log.note("broker started again after " + downtime.toSeconds() + " s down");
    }
}
