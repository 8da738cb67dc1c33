package io.hookline.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.schemas.events.EventTypes;
import io.hookline.support.supervision.LoopState;
import io.hookline.support.supervision.LoopStatus;
import io.hookline.support.supervision.LoopSupervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The relay against the real broker with a fault around the real producer ({@link FaultySender}): sends to one
 * partition fail, or the relay's loop itself dies. A database of its own, so no other context's relay takes its rows.
 */
@Import(FaultySender.Configuration.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:relay-faults;DB_CLOSE_DELAY=-1")
class OutboxRelayFaultIntegrationTests extends ApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    OutboxRepository outbox;

    @Autowired
    FaultySender sender;

    @Autowired
    LoopSupervisor supervisor;

    @Test
    void anUnavailablePartitionHoldsBackOnlyItsOwnRowsAndNothingIsPublishedTwice() {
        sender.failPartition(0);
        List<String> orders = new ArrayList<>();
        try {
            while (orders.size() < 100 && (count(orders, 0) < 3 || count(orders, 1) < 3 || count(orders, 2) < 3)) {
                orders.add(paidOrder());
            }
            List<String> faulty = orders.stream().filter(id -> sender.partitionOf(id) == 0).toList();
            List<String> healthy = orders.stream().filter(id -> sender.partitionOf(id) != 0).toList();
            assertThat(faulty).as("random order ids on every partition").hasSizeGreaterThanOrEqualTo(3);
            assertThat(healthy).hasSizeGreaterThanOrEqualTo(6);

            await().atMost(WAIT).until(() -> healthy.stream().allMatch(this::published));
            int refusedSoFar = sender.refused();
            await().atMost(WAIT).until(() -> sender.refused() >= refusedSoFar + 2 * faulty.size());

            try (OrderEventsProbe events = new OrderEventsProbe()) {
                for (String id : healthy) {
                    assertThat(eventIds(events.readToEnd(id))).as("order %s on a healthy partition", id)
                            .containsExactlyElementsOf(outboxEventIds(id));
                }
                faulty.forEach(id -> assertThat(events.seen(id)).as("order %s on the faulty partition", id).isEmpty());
            }
            assertThat(faulty).noneMatch(this::published);
        } finally {
            sender.healAll();
        }

        await().atMost(WAIT).until(() -> orders.stream().allMatch(this::published));
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            for (String id : orders) {
                assertThat(eventIds(events.readToEnd(id))).as("order %s, once the fault cleared", id)
                        .containsExactlyElementsOf(outboxEventIds(id));
            }
        }
    }

    @Test
    void anOrdersLaterEventWaitsForItsEarlierOneOnTheFaultyPartition() {
        String id = faultyPartitionOrder();
        await().atMost(WAIT).until(() -> published(id));
        sender.failPartition(sender.partitionOf(id));
        try {
            assertThat(pay(id, "tok_declined").statusCode()).isEqualTo(402);
            assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);
            int refusedSoFar = sender.refused();
            await().atMost(WAIT).until(() -> sender.refused() >= refusedSoFar + 2);
            assertThat(outbox.findByAggregateId(id)).hasSize(3).filteredOn(row -> row.publishedAt() == null)
                    .as("the payment events wait, order.created was out before the fault")
                    .extracting(OutboxRecord::eventType)
                    .containsExactly(EventTypes.ORDER_PAYMENT_FAILED, EventTypes.ORDER_PAID);
        } finally {
            sender.healAll();
        }

        await().atMost(WAIT).until(() -> published(id));
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            List<ConsumerRecord<String, String>> records = events.readToEnd(id);
            assertThat(records).extracting(r -> mapper.readTree(r.value()).get("type").stringValue())
                    .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAYMENT_FAILED, EventTypes.ORDER_PAID);
        }
    }

    @Test
    void aFailureThatEscapesTheRelayTakesReadinessDownUntilTheRestartedLoopRuns() {
        String id = createOrder();
        sender.breakTheLoop();
        try {
            assertThat(pay(id, "tok_visa").statusCode()).as("payments do not wait for the relay").isEqualTo(200);
            await().atMost(WAIT).until(() -> get("/actuator/health/readiness").statusCode() == 503);
            JsonNode readiness = json(get("/actuator/health/readiness"));
            assertThat(readiness.at("/components/loops/status").stringValue()).isEqualTo("DOWN");
            assertThat(readiness.at("/components/loops/components/" + OutboxRelay.LOOP + "/status").stringValue())
                    .as("readiness names the dead loop").isEqualTo("DOWN");
            assertThat(readiness.at("/components/db/status").stringValue()).isEqualTo("UP");
            assertThat(relayStatus().state()).isEqualTo(LoopState.RESTARTING);
            assertThat(relayStatus().lastFailure()).contains(FaultySender.LOOP_BREAKER);
            assertThat(published(id)).isFalse();
        } finally {
            sender.healAll();
        }

        await().atMost(WAIT).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertThat(relayStatus().state()).isEqualTo(LoopState.RUNNING);
        assertThat(relayStatus().restarts()).isPositive();
        await().atMost(WAIT).until(() -> published(id));
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            assertThat(eventIds(events.readToEnd(id))).containsExactlyElementsOf(outboxEventIds(id));
        }
    }

    /** What the {@code loops} health contributor reports for the relay (its details are not shown over HTTP). */
    private LoopStatus relayStatus() {
        return supervisor.statuses().stream().filter(status -> status.name().equals(OutboxRelay.LOOP)).findFirst()
                .orElseThrow();
    }

    private long count(List<String> orders, int partition) {
        return orders.stream().filter(id -> sender.partitionOf(id) == partition).count();
    }

    private String paidOrder() {
        String id = createOrder();
        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);
        return id;
    }

    private String faultyPartitionOrder() {
        for (int i = 0; i < 100; i++) {
            String id = createOrder();
            if (sender.partitionOf(id) == 1) {
                return id;
            }
        }
        throw new IllegalStateException("no order id fell on partition 1 in 100 tries");
    }

    private boolean published(String orderId) {
        List<OutboxRecord> rows = outbox.findByAggregateId(orderId);
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.publishedAt() != null);
    }

    private List<String> outboxEventIds(String orderId) {
        return outbox.findByAggregateId(orderId).stream().map(row -> row.eventId().toString()).toList();
    }

    private List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> mapper.readTree(r.value()).get("id").stringValue()).toList();
    }
}
