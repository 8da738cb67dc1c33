package io.hookline.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Spring stops lifecycle beans from the highest phase down. The relay must stop after the web server has
 * drained its requests (graceful shutdown), so that the events of requests finishing during the drain are
 * published on the way down rather than left in the outbox until the next start.
 */
class OutboxRelayShutdownOrderIntegrationTests extends ApiTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    OutboxRelay relay;

    @Test
    void theRelayStopsAfterTheWebServerHasDrainedAndStopped() {
        Map<String, SmartLifecycle> lifecycles = context.getBeansOfType(SmartLifecycle.class);
        SmartLifecycle drain = lifecycles.get("webServerGracefulShutdown");
        SmartLifecycle server = lifecycles.get("webServerStartStop");

        assertThat(drain).as("the web server's graceful shutdown lifecycle").isNotNull();
        assertThat(server).as("the web server's start/stop lifecycle").isNotNull();
        assertThat(relay.getPhase()).isLessThan(drain.getPhase()).isLessThan(server.getPhase());
        assertThat(relay.isRunning()).isTrue();
    }
}
