package io.hookline.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform on a real three-broker cluster (docs/reliability.md, "A three-broker cluster"): three KRaft
 * brokers as separate JVMs (RF 3, min.insync.replicas 2), two orders-api instances relaying one outbox (one H2
 * database served over TCP), 200 orders spread over both, the receiver behind the fault proxy. Mid-stream broker
 * node 2 is killed with SIGKILL and restarted (the step waits until every partition's ISR is full again), a second
 * dispatcher and receiver join, and the first dispatcher is killed for good. The suite waits on positive signals
 * (every group at the end of its topics, the outbox empty, every order e-mailed and acknowledged); this test
 * asserts the counts. Duplicate deliveries (webhooks acknowledged again) are allowed and logged.
 */
class ChaosClusterIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ChaosClusterIntegrationTests.class);
    private static final int ORDERS = 200;

    @Test
    void everyPaidOrderIsDeliveredAndEmailedExactlyOnceThroughABrokerKillAndAScaleOutWithADispatcherKill()
            throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        Path dataDir = Path.of("target", "chaos-cluster-it", UUID.randomUUID().toString()).toAbsolutePath();

        ChaosReport report = ChaosSuite.run(ChaosSettings.smallCluster(ORDERS, home, dataDir));
        log.info("{}", report.render());

        assertThat(report.chaosFailures()).as("chaos steps carried out (broker rejoined, instances healthy)")
                .isEmpty();
        assertThat(report.chaos()).anyMatch(line -> line.contains("rejoined: every partition's ISR full"))
                .anyMatch(line -> line.contains("webhook-dispatcher-2"))
                .anyMatch(line -> line.contains("kill -9 webhook-dispatcher (pid"));
        assertThat(report.ordersPaid()).isEqualTo(ORDERS);
        assertThat(report.apiOrders()).as("orders created once over two orders-api").isEqualTo(ORDERS);
        assertThat(report.events().paidWithoutEvent()).as("paid orders without an event").isZero();
        assertThat(report.events().republished()).as("events the two relays published twice").isZero();
        assertThat(report.events().ordersWithSeveralEvents()).isZero();
        assertThat(report.webhooksAcknowledged()).as("paid orders whose webhook reached the receiver")
                .isEqualTo(ORDERS);
        assertThat(report.mail().lost()).as("orders without an e-mail").isZero();
        assertThat(report.mail().duplicated()).as("orders e-mailed twice").isZero();
        assertThat(report.deadLetters().values()).as("dead letters").containsOnly(0L);
        assertThat(report.drained()).as("drained within the deadline").isTrue();
        assertThat(report.violations()).as(report.render()).isEmpty();
        log.info("duplicate deliveries (webhooks acknowledged more than once): {}",
                report.proxy().acknowledgedAgain());
    }
}
