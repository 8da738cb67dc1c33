package io.hookline.dispatcher.delivery;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measurement behind docs/delivery-engine.md, "Rebalances": duplicate POSTs per rebalance for the eager setup
 * before issue 13 and the cooperative one, at least 1,000 events offered at 50/s to a 100 ms endpoint, three
 * rebalances (a second and a third dispatcher join, the second leaves). Not part of the build (no {@code Tests}
 * suffix); run it with {@code -Dit.test=RebalanceDuplicatesMeasurement} (failsafe) or {@code -Dtest=...}.
 */
class RebalanceDuplicatesMeasurement {

    private static final Logger log = LoggerFactory.getLogger(RebalanceDuplicatesMeasurement.class);

    @Test
    void duplicatesPerRebalanceEagerAgainstCooperative() throws Exception {
        try (RecordingWebhookServer webhooks = RecordingWebhookServer.start()) {
            for (boolean eager : List.of(true, false)) {
                try (RebalanceScenario scenario = new RebalanceScenario(webhooks, 100, eager)) {
                    RebalanceScenario.Result result = scenario.run(1000, 50, List.of(
                            new RebalanceScenario.Step(150, true, 1),
                            new RebalanceScenario.Step(450, true, 2),
                            new RebalanceScenario.Step(750, false, 1)));
                    log.info("REBALANCE MEASUREMENT {}: {} ({} per rebalance)", eager ? "eager" : "cooperative",
                            RebalanceScenario.summary().apply(result), result.duplicates() / 3.0);
                }
            }
        }
    }
}
