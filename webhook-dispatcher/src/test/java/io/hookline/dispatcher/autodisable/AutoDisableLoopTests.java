package io.hookline.dispatcher.autodisable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.hookline.dispatcher.endpoint.EndpointCatalog;
import io.hookline.dispatcher.endpoint.EndpointDisablements;
import io.hookline.dispatcher.operations.OperationalEvents;
import io.hookline.support.supervision.LoopState;
import io.hookline.support.supervision.LoopStatus;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisionProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The auto-disable job on its supervised loop, with a real {@link LoopSupervisor} and a catalog (mocked) that fails
 * with an error the job does not catch: the loop is reported {@code RESTARTING} (readiness DOWN) while it keeps
 * dying, and once the fault clears it runs again and checks on schedule.
 */
class AutoDisableLoopTests {

    @Test
    void aCheckThatKillsTheLoopIsReportedAndTheLoopRunsAgainWhenTheFaultClears() {
        AtomicBoolean failing = new AtomicBoolean(true);
        EndpointCatalog catalog = mock(EndpointCatalog.class);
        when(catalog.all()).thenAnswer(invocation -> {
            if (failing.get()) {
                throw new AssertionError("injected");
            }
            return List.of();
        });
        AutoDisableProperties properties = new AutoDisableProperties(true, Duration.ofDays(5), Duration.ofMillis(20));
        AutoDisableJob job = new AutoDisableJob(catalog, mock(EndpointDisablements.class), mock(FailureStreaks.class),
                mock(OperationalEvents.class), properties, Clock.systemUTC());
        LoopSupervisor supervisor = new LoopSupervisor(Clock.systemUTC(),
                new SupervisionProperties(Duration.ofMillis(10), Duration.ofMillis(50)), null);
        AutoDisableLoop loop = new AutoDisableLoop(job, properties, supervisor);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> status(supervisor).state() == LoopState.RESTARTING);
            assertThat(status(supervisor).lastFailure()).contains("injected");

            failing.set(false);
            long checks = job.completedChecks();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(supervisor).state() == LoopState.RUNNING
                    && job.completedChecks() >= checks + 3);
            assertThat(status(supervisor).restarts()).isPositive();
        } finally {
            loop.stop();
        }
        assertThat(status(supervisor).state()).isEqualTo(LoopState.STOPPED);
    }

    private static LoopStatus status(LoopSupervisor supervisor) {
        return supervisor.statuses().stream().filter(s -> s.name().equals(AutoDisableLoop.LOOP_NAME)).findFirst()
                .orElseThrow();
    }
}
