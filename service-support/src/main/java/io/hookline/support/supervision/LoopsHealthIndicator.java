package io.hookline.support.supervision;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health contributor {@code loops}: UP while every supervised loop is running (or starting, or stopped on
 * request), DOWN naming each loop that is restarting or stalled, with its restarts and last failure. Each
 * service includes it in its readiness group.
 */
public final class LoopsHealthIndicator implements HealthIndicator {

    private final LoopSupervisor supervisor;

    public LoopsHealthIndicator(LoopSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean ready = true;
        for (LoopStatus status : supervisor.statuses()) {
            ready &= status.state().ready();
            Map<String, Object> loop = new LinkedHashMap<>();
            loop.put("state", status.state().name());
            loop.put("restarts", status.restarts());
            if (status.lastProgress() != null) {
                loop.put("last_progress", status.lastProgress().toString());
            }
            if (status.lastFailure() != null) {
                loop.put("last_failure", status.lastFailure());
                loop.put("last_failure_at", status.lastFailureAt().toString());
            }
            details.put(status.name(), loop);
        }
        return (ready ? Health.up() : Health.down()).withDetails(details).build();
    }
}
