package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers in one consumer group on the shared broker while events stream to an endpoint that answers after
 * 100 ms: a second dispatcher joins mid-stream, then the first leaves. With the cooperative-sticky assignor and the
 * wait on revocation, a partition moves only after its deliveries in flight finished and were committed, so no
 * webhook-id is POSTed twice, and every delivery ends (the group commits to the end of the delivery topic).
 */
class CooperativeRebalanceIntegrationTests {

    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void aDispatcherJoiningAndOneLeavingMidStreamSendNoDeliveryTwice() throws Exception {
        try (RebalanceScenario scenario = new RebalanceScenario(webhooks, 100, false)) {
            RebalanceScenario.Result result = scenario.run(150, 20, List.of(
                    new RebalanceScenario.Step(30, true, 1),
                    new RebalanceScenario.Step(90, false, 0)));

            assertThat(result.events()).isGreaterThanOrEqualTo(150);
            assertThat(result.duplicates()).as(RebalanceScenario.summary().apply(result)).isZero();
        }
    }
}
