package io.hookline.support.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts every background loop of a service under supervision ({@link SupervisedLoop}) and knows them all, for
 * readiness ({@link LoopsHealthIndicator}) and metrics: {@code hookline_loop_up{loop}} (1 while its state is
 * ready) and {@code hookline_loop_restarts{loop}}. Thread-safe.
 */
public final class LoopSupervisor {

    private final Clock clock;
    private final SupervisionProperties properties;
    private final MeterRegistry meters;
    private final List<SupervisedLoop> loops = new CopyOnWriteArrayList<>();

    /** @param meters where the loop gauges go; null for none */
    public LoopSupervisor(Clock clock, SupervisionProperties properties, MeterRegistry meters) {
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** Starts {@code body} on a thread named {@code name}, restarted on death; no stall limit. */
    public SupervisedLoop start(String name, LoopBody body) {
        return start(name, body, null);
    }

    /**
     * Starts {@code body} on a thread named {@code name}, restarted on death, reported STALLED when no
     * iteration finishes within {@code stallAfter} (null: never). A name used before replaces the old entry
     * (a lifecycle that is stopped and started again).
     */
    public SupervisedLoop start(String name, LoopBody body, Duration stallAfter) {
        SupervisedLoop loop = new SupervisedLoop(name, body, clock, properties.initialBackoff(),
                properties.maxBackoff(), stallAfter);
        loops.removeIf(existing -> existing.name().equals(name));
        boolean known = meters != null && meters.find("hookline_loop_up").tag("loop", name).gauge() != null;
        loops.add(loop);
        if (meters != null && !known) {
            Gauge.builder("hookline_loop_up", this, self -> self.up(name)).tag("loop", name)
                    .description("1 while the background loop runs, 0 while it is restarting or stalled")
                    .register(meters);
            Gauge.builder("hookline_loop_restarts", this, self -> self.restarts(name)).tag("loop", name)
                    .description("How many times the background loop died and was restarted")
                    .register(meters);
        }
        loop.start();
        return loop;
    }

    public List<LoopStatus> statuses() {
        return loops.stream().map(SupervisedLoop::status).toList();
    }

    private double up(String name) {
        return statuses().stream().filter(status -> status.name().equals(name))
                .anyMatch(status -> status.state().ready()) ? 1 : 0;
    }

    private double restarts(String name) {
        return statuses().stream().filter(status -> status.name().equals(name)).mapToInt(LoopStatus::restarts)
                .sum();
    }
}
