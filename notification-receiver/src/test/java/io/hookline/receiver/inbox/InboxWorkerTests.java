package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.receiver.notification.NotificationStore;
import io.hookline.receiver.notification.NewNotifications;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import tools.jackson.databind.json.JsonMapper;

/** The inbox worker without Kafka: a real store on H2 with the real migrations. */
class InboxWorkerTests {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00.250Z");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:01Z");

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
            .setType(EmbeddedDatabaseType.H2).addScripts("db/migration/V1__notifications.sql", "db/migration/V2__confirmation_mail.sql",
                    "db/migration/V3__notification_trace_id.sql",
                    "db/migration/V4__confirmation_sender.sql",
                    "db/migration/V5__notification_event_type.sql").build();
    private final NotificationStore store = new NotificationStore(JdbcClient.create(database));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InboxWorker worker = new InboxWorker(store, ContractValidator.tolerant(), JsonMapper.builder().build(),
            clock, new NewNotifications());

    @AfterEach
    void dropDatabase() {
        database.shutdown();
    }

    @Test
    void recordsTheOrderOfAValidMessageAsPendingAndDueAtOnceWithItsBody() {
        String orderId = OrderPaidBodies.newOrderId();
        String eventId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);

        boolean recorded = worker.process(new InboxMessage(eventId, body, RECEIVED,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(recorded).isTrue();
        assertThat(store.findByOrderId(orderId)).containsExactly(new Notification(eventId, "order.paid", orderId,
                "ada@example.com", "Mechanical keyboard", 2, "59.98", "USD", NotificationStatus.PENDING,
                RECEIVED, NOW, 0, NOW, null, null, null, null, "4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(store.payload(eventId)).hasValue(body);
        assertThat(store.due(NOW, 10)).contains(eventId);
    }

    @Test
    void aReplayedRecordRedrivesAParkedNotificationButNeverASentOne() {
        String orderId = OrderPaidBodies.newOrderId();
        String parked = OrderPaidBodies.newWebhookId();
        String sent = OrderPaidBodies.newWebhookId();
        for (String eventId : List.of(parked, sent)) {
            worker.process(new InboxMessage(eventId, OrderPaidBodies.valid(orderId), RECEIVED));
            store.claim(eventId, NOW, NOW.plusSeconds(60)).orElseThrow();
        }
        store.markParked(parked, 1, NotificationStatus.FAILED, "the SMTP server answered 550");
        store.markSent(sent, 1, NOW, "subject", "<id@x>");

        assertThat(worker.process(new InboxMessage(parked, OrderPaidBodies.valid(orderId), RECEIVED))).isTrue();
        assertThat(worker.process(new InboxMessage(sent, OrderPaidBodies.valid(orderId), RECEIVED))).isFalse();

        assertThat(store.find(parked).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(row.nextAttemptAt()).isEqualTo(NOW);
        });
        assertThat(store.find(sent).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void theSameWebhookIdHasNoSecondEffect() {
        String orderId = OrderPaidBodies.newOrderId();
        String eventId = OrderPaidBodies.newWebhookId();
        InboxMessage message = new InboxMessage(eventId, OrderPaidBodies.valid(orderId), RECEIVED);

        assertThat(worker.process(message)).isTrue();
        assertThat(worker.process(message)).isFalse();
        assertThat(store.findByOrderId(orderId)).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(NotificationStatus.PENDING));
    }

    @Test
    void amountKeepsItsExactDecimalText() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId).replace("\"59.98\"", "\"30.00\"");

        worker.process(new InboxMessage(OrderPaidBodies.newWebhookId(), body, RECEIVED));

        assertThat(store.findByOrderId(orderId)).singleElement()
                .satisfies(notification -> assertThat(notification.amount()).isEqualTo("30.00"));
    }

    @Test
    void messageWithoutWebhookIdIsPoison() {
        InboxMessage message = new InboxMessage(null, OrderPaidBodies.valid(OrderPaidBodies.newOrderId()), RECEIVED);

        assertThatThrownBy(() -> worker.process(message)).isInstanceOf(PoisonInboxRecordException.class)
                .hasMessage("inbox record has no webhook-id header");
    }

    @Test
    void messageThatIsNotJsonIsPoison() {
        assertThatThrownBy(() -> worker.process(new InboxMessage("evt-4", "{not json", RECEIVED)))
                .isInstanceOf(PoisonInboxRecordException.class).hasMessage("inbox record evt-4 is not JSON");
        assertThatThrownBy(() -> worker.process(new InboxMessage("evt-5", null, RECEIVED)))
                .isInstanceOf(PoisonInboxRecordException.class);
    }

    @Test
    void messageBreakingTheContractIsPoisonNamingTheFields() {
        String orderId = OrderPaidBodies.newOrderId();

        assertThatThrownBy(() -> worker.process(new InboxMessage("evt-6", OrderPaidBodies.offSchema(orderId),
                RECEIVED))).isInstanceOf(PoisonInboxRecordException.class)
                .hasMessageContaining("data.amount").hasMessageContaining("data.customer_email");
        assertThat(store.findByOrderId(orderId)).isEmpty();
    }

    @Test
    void aRefundIsPendingWithTheRefundedAmountAndACreatedOrderIsRecordedWithoutAnEMail() {
        String orderId = OrderPaidBodies.newOrderId();
        String refund = OrderPaidBodies.newWebhookId();
        String created = OrderPaidBodies.newWebhookId();

        worker.process(new InboxMessage(refund, OrderPaidBodies.ofType(EventTypes.ORDER_REFUNDED, orderId), RECEIVED));
        worker.process(new InboxMessage(created, OrderPaidBodies.ofType(EventTypes.ORDER_CREATED, orderId), RECEIVED));

        assertThat(store.find(refund).orElseThrow()).satisfies(row -> {
            assertThat(row.type()).isEqualTo(EventTypes.ORDER_REFUNDED);
            assertThat(row.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(row.amount()).isEqualTo("59.98");
        });
        assertThat(store.find(created).orElseThrow()).satisfies(row -> {
            assertThat(row.type()).isEqualTo(EventTypes.ORDER_CREATED);
            assertThat(row.status()).isEqualTo(NotificationStatus.RECORDED);
            assertThat(row.nextAttemptAt()).isNull();
        });
        assertThat(store.due(NOW.plusSeconds(3600), 10)).containsExactly(refund);
    }

    @Test
    void aV1ReaderAcceptsAnEventWithFieldsItDoesNotKnow() {
        String orderId = OrderPaidBodies.newOrderId();
        String eventId = OrderPaidBodies.newWebhookId();

        assertThat(worker.process(new InboxMessage(eventId,
                OrderPaidBodies.withAddedFields(OrderPaidBodies.valid(orderId)), RECEIVED))).isTrue();
        assertThat(store.find(eventId).orElseThrow().amount()).isEqualTo("59.98");
    }

    @Test
    void aTypeTheReceiverDoesNotHandleIsPoisonInTheInbox() {
        String body = OrderPaidBodies.ofType(EventTypes.ORDER_PAYMENT_FAILED, OrderPaidBodies.newOrderId());

        assertThatThrownBy(() -> worker.process(new InboxMessage("evt-7", body, RECEIVED)))
                .isInstanceOf(PoisonInboxRecordException.class)
                .hasMessageContaining("no event type this receiver handles: order.payment_failed");
    }
}
