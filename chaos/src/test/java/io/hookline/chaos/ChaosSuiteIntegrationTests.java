package io.hookline.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos suite's small variant (docs/reliability.md): the three services as child JVMs on free ports, a
 * broker and an SMTP server of their own, 150 orders placed by retrying clients, the receiver behind the fault
 * proxy, the dispatcher killed with SIGKILL mid-stream and restarted, a 20 s SMTP outage. The suite waits on
 * positive signals (every consumer group at the end of its topics, the outbox empty) and counts; this test
 * asserts the counts.
 */
class ChaosSuiteIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ChaosSuiteIntegrationTests.class);

    @Test
    void everyPaidOrderIsAcknowledgedAndEmailedExactlyOnceThroughKillsLostAcksAndAnSmtpOutage() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        Path dataDir = Path.of("target", "chaos-it", UUID.randomUUID().toString()).toAbsolutePath();

        ChaosReport report = ChaosSuite.run(ChaosSettings.small(150, home, dataDir));
        log.info("{}", report.render());

        assertThat(report.chaosFailures()).as("chaos steps carried out").isEmpty();
        assertThat(report.proxy().faults()).as("the proxy injected faults").isNotEmpty();
        assertThat(report.ordersPaid()).isEqualTo(150);
        assertThat(report.apiOrders()).as("orders created once despite retries").isEqualTo(150);
        assertThat(report.mail().lost()).as("orders without an e-mail").isZero();
        assertThat(report.mail().duplicated()).as("orders e-mailed twice").isZero();
        assertThat(report.webhooksAcknowledged()).as("orders acknowledged via the proxy").isEqualTo(150);
        assertThat(report.deadLetters().values()).as("dead letters").containsOnly(0L);
        assertThat(report.drained()).as("drained within the deadline").isTrue();
        assertThat(report.violations()).as(report.render()).isEmpty();
    }
}
