package io.hookline.support.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health contributor {@code loops}: one component per supervised loop, named after it, so that even with
 * details hidden ({@code show-components: always}, the services' setting) readiness names the loop that is down.
 * A loop is UP while running, starting or stopped on request, DOWN while restarting or stalled, with its
 * restarts and last failure as details. A service with no supervised loop shows one UP component
 * {@code supervisor}.
 */
public final class LoopsHealthIndicator implements CompositeHealthContributor {

    private static final String NONE = "supervisor";

    private final LoopSupervisor supervisor;

    public LoopsHealthIndicator(LoopSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public HealthContributor getContributor(String name) {
        List<LoopStatus> statuses = supervisor.statuses();
        if (statuses.isEmpty() && NONE.equals(name)) {
            return (HealthIndicator) () -> Health.up().withDetail("loops", 0).build();
        }
        return statuses.stream().filter(status -> status.name().equals(name)).findFirst()
                .map(status -> (HealthIndicator) () -> health(name))
                .orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        List<LoopStatus> statuses = supervisor.statuses();
        if (statuses.isEmpty()) {
            return Stream.of(new Entry(NONE, getContributor(NONE)));
        }
        return statuses.stream().map(status -> new Entry(status.name(), getContributor(status.name())));
    }

    /** The health of one loop, read when asked (a loop's state changes between checks). */
    Health health(String name) {
        return supervisor.statuses().stream().filter(status -> status.name().equals(name)).findFirst()
                .map(LoopsHealthIndicator::health)
                .orElseGet(() -> Health.unknown().build());
    }

    private static Health health(LoopStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        details.put("restarts", status.restarts());
        if (status.lastProgress() != null) {
            details.put("last_progress", status.lastProgress().toString());
        }
        if (status.lastFailure() != null) {
            details.put("last_failure", status.lastFailure());
            details.put("last_failure_at", status.lastFailureAt().toString());
        }
        return (status.state().ready() ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** All loops in one answer (UP only if every loop is ready, each loop's health as a detail), for tests and logs. */
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        supervisor.statuses().forEach(status -> details.put(status.name(), health(status).getDetails()));
        return (ready() ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** Whether every loop is ready: the status readiness aggregates from the components. */
    public boolean ready() {
        return supervisor.statuses().stream().allMatch(status -> status.state().ready());
    }
}
