package io.hookline.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.testsupport.TestKafka;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxRelayOutageIntegrationTests extends ApiTestSupport {

    @Autowired
    OutboxRepository outbox;

    @Autowired
    OutboxRelay relay;

    @Test
    void paymentsSucceedWhileKafkaIsDownAndTheirEventsFollowOnceItIsBack() {
        assumeFalse(usesContainerBroker(), "stopping the broker needs the embedded one");
        String before = createOrder();
        assertThat(pay(before, "tok_visa").statusCode()).isEqualTo(200);
        awaitPublished(before);

        String id;
        TestKafka.stopBroker();
        try {
            id = createOrder();
            assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);
            assertThat(outbox.findByAggregateId(id)).as("order.created and order.paid").hasSize(2)
                    .allSatisfy(row -> assertThat(row.publishedAt()).isNull());
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.consecutiveFailures() > 0);
            assertThat(createOrder()).as("the API keeps working while the relay backs off").isNotBlank();
        } finally {
            TestKafka.startBroker();
        }

        awaitPublished(id);
        assertThat(relay.consecutiveFailures()).isZero();
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            assertThat(events.awaitRecords(id, 2))
                    .extracting(r -> OrderEventsProbe.header(r, EventHeaders.EVENT_TYPE)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID);
        }
    }

    private static boolean usesContainerBroker() {
        String mode = System.getProperty("test.kafka", System.getenv("TEST_KAFKA"));
        return "testcontainers".equals(mode == null ? null : mode.trim());
    }

    private void awaitPublished(String orderId) {
        await().atMost(Duration.ofSeconds(45)).until(() -> outbox.findByAggregateId(orderId).stream()
                .allMatch(row -> row.publishedAt() != null));
    }
}
