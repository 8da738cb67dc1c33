package io.hookline.orders.refund;

import static io.hookline.orders.OrderEventsProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.orders.outbox.OutboxRecord;
import io.hookline.orders.outbox.OutboxRepository;
import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RefundIntegrationTests extends ApiTestSupport {

    private static final String PROBLEMS = "https://hookline.io/problems/";
    private static final ContractValidator contracts = new ContractValidator();
    private static OrderEventsProbe events;

    @Autowired
    OutboxRepository outbox;

    @BeforeAll
    static void openProbe() {
        events = new OrderEventsProbe();
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void refundingAPaidOrderAnswersTheRefundedOrderAndPublishesOrderRefunded() {
        String id = paidOrder();
        UUID refundUuid = UUID.randomUUID();
        ids.queue(refundUuid);

        HttpResponse<String> refunded = postAction(id, "refund", null);

        assertThat(refunded.statusCode()).isEqualTo(200);
        JsonNode order = json(refunded);
        String refundId = "re_" + refundUuid.toString().replace("-", "").substring(0, 24);
        assertThat(order.get("status").stringValue()).isEqualTo("refunded");
        assertThat(order.get("refund_id").stringValue()).isEqualTo(refundId).matches("^re_[0-9a-f]{24}$");
        assertThat(order.get("refunded_amount").stringValue()).isEqualTo("59.98")
                .isEqualTo(order.get("amount").stringValue());
        assertThat(order.get("refund_reason").stringValue()).isEqualTo("requested_by_customer");
        assertThat(order.get("refunded_at").stringValue()).endsWith("Z").isEqualTo(order.get("updated_at").stringValue());
        assertThat(order.get("paid_at").stringValue()).as("still paid once").endsWith("Z");
        assertThat(json(get("/orders/" + id))).isEqualTo(order);

        ConsumerRecord<String, String> record = events.awaitRecords(id, EventTypes.ORDER_REFUNDED, 1).getFirst();
        assertThat(contracts.validate(ContractSchema.EVENT_ENVELOPE, record.value())).isEmpty();
        JsonNode envelope = mapper.readTree(record.value());
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.get("id").stringValue());
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(EventTypes.ORDER_REFUNDED);
        assertThat(header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1").isEqualTo(String.valueOf(
                EventCatalog.platform().latest(EventTypes.ORDER_REFUNDED).orElseThrow().version()));
        assertThat(envelope.get("occurred_at").stringValue()).isEqualTo(order.get("refunded_at").stringValue());
        JsonNode data = envelope.get("data");
        assertThat(data.get("order_id").stringValue()).isEqualTo(id);
        assertThat(data.get("refund_id").stringValue()).isEqualTo(refundId);
        assertThat(data.get("refunded_amount").stringValue()).isEqualTo("59.98");
        assertThat(data.get("amount").stringValue()).isEqualTo("59.98");
        assertThat(data.get("refund_reason").stringValue()).isEqualTo("requested_by_customer");
        assertThat(data.get("refunded_at").stringValue()).isEqualTo(order.get("refunded_at").stringValue());
        assertThat(data.get("callback_url").stringValue()).isEqualTo("https://shop.example.com/hooks/1");
        assertThat(eventTypes(id))
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID, EventTypes.ORDER_REFUNDED);
    }

    @Test
    void aReasonGivenIsKeptAndTheListFindsRefundedOrders() {
        String email = uniqueEmail();
        String id = paidOrder(email);
        String other = paidOrder(email);

        HttpResponse<String> refunded = postAction(id, "refund", "{\"reason\": \"damaged_in_transit\"}");

        assertThat(refunded.statusCode()).isEqualTo(200);
        assertThat(json(refunded).get("refund_reason").stringValue()).isEqualTo("damaged_in_transit");
        assertThat(json(get("/orders?status=refunded&customer_email=" + email)).get("data"))
                .extracting(o -> o.get("id").stringValue()).containsExactly(id);
        assertThat(json(get("/orders?status=paid&customer_email=" + email)).get("data"))
                .extracting(o -> o.get("id").stringValue()).containsExactly(other);
    }

    @Test
    void aBadBodyIsAProblemThatChangesNothing() {
        String id = paidOrder();

        for (String body : List.of("[]", "{\"reason\": \"Damaged!\"}", "{\"reason\": true}", "{\"reason\": \"9lives\"}")) {
            HttpResponse<String> response = postAction(id, "refund", body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(json(response).get("type").stringValue()).isEqualTo(PROBLEMS + "validation");
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).as(body).isIn("reason", "");
        }
        assertThat(postAction(id, "refund", "{").statusCode()).isEqualTo(400);

        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("paid");
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID);
    }

    @Test
    void onlyAPaidOrderCanBeRefunded() {
        String pending = createOrder();
        String declined = createOrder();
        assertThat(pay(declined, "tok_declined").statusCode()).isEqualTo(402);
        String cancelled = createOrder();
        assertThat(postAction(cancelled, "cancel", null).statusCode()).isEqualTo(200);

        for (String id : List.of(pending, declined, cancelled)) {
            String before = get("/orders/" + id).body();
            HttpResponse<String> refused = postAction(id, "refund", null);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).get("type").stringValue()).isEqualTo(PROBLEMS + "order-not-refundable");
            assertThat(json(refused).get("detail").stringValue()).contains(json(get("/orders/" + id))
                    .get("status").stringValue());
            assertThat(get("/orders/" + id).body()).isEqualTo(before);
            assertThat(eventTypes(id)).doesNotContain(EventTypes.ORDER_REFUNDED);
        }
    }

    @Test
    void refundingTwiceConflictsAndARefundedOrderCanNeitherBePaidNorCancelled() {
        String id = paidOrder();
        HttpResponse<String> first = postAction(id, "refund", null);
        assertThat(first.statusCode()).isEqualTo(200);

        HttpResponse<String> again = postAction(id, "refund", null);
        HttpResponse<String> paid = pay(id, "tok_visa");
        HttpResponse<String> cancelled = postAction(id, "cancel", null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").stringValue()).isEqualTo(PROBLEMS + "order-not-refundable");
        assertThat(json(again).get("detail").stringValue()).contains("is refunded");
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(json(paid).get("detail").stringValue()).contains("refunded");
        assertThat(cancelled.statusCode()).isEqualTo(409);
        assertThat(json(cancelled).get("type").stringValue()).isEqualTo(PROBLEMS + "order-not-cancellable");
        assertThat(json(get("/orders/" + id))).isEqualTo(json(first));
        assertThat(eventTypes(id))
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID, EventTypes.ORDER_REFUNDED);
        assertThat(events.awaitRecords(id, 3)).hasSize(3);
        assertThat(events.readToEnd(id, EventTypes.ORDER_REFUNDED)).hasSize(1);
    }

    @Test
    void anotherClientsOrderOrAnUnknownOneIsNotFound() {
        TestClient bob = createClient("[\"read\", \"write\"]");
        String bobs = createOrderAs(bob.key(), uniqueEmail());
        assertThat(postAs(bob.key(), "/orders/" + bobs + "/payment", "{\"payment_method\": \"tok_visa\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> foreign = postAction(bobs, "refund", null);
        HttpResponse<String> unknown = postAction("ord_ffffffffffffffffffffffffffffffff", "refund", null);

        for (HttpResponse<String> response : List.of(foreign, unknown)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).get("type").stringValue()).isEqualTo(PROBLEMS + "not-found");
        }
        assertThat(json(getAs(bob.key(), "/orders/" + bobs)).get("status").stringValue()).isEqualTo("paid");
        assertThat(eventTypes(bobs)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefundsOnce() {
        String id = paidOrder();
        String key = UUID.randomUUID().toString();
        String path = "/orders/" + id + "/refund";

        HttpResponse<String> first = postWithKey(path, key, "{}");
        HttpResponse<String> replay = postWithKey(path, key, "{}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).as("a replay, not a 409").isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(eventTypes(id))
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID, EventTypes.ORDER_REFUNDED);
        assertThat(events.awaitRecords(id, 3)).hasSize(3);
        assertThat(events.readToEnd(id, EventTypes.ORDER_REFUNDED)).hasSize(1);
    }

    @Test
    void ofConcurrentRefundsExactlyOneWinsWithExactlyOneEvent() {
        String id = paidOrder();

        List<Integer> statuses = IntStream.range(0, 8)
                .mapToObj(i -> postAsync("/orders/" + id + "/refund", "{}")).toList()
                .stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(eventTypes(id))
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID, EventTypes.ORDER_REFUNDED);
        assertThat(events.awaitRecords(id, 3)).hasSize(3);
        assertThat(events.readToEnd(id)).extracting(r -> header(r, EventHeaders.EVENT_TYPE))
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID, EventTypes.ORDER_REFUNDED);
    }

    private String paidOrder() {
        return paidOrder("ada@example.com");
    }

    private String paidOrder(String email) {
        String id = createOrder(email);
        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);
        return id;
    }

    private List<String> eventTypes(String orderId) {
        return outbox.findByAggregateId(orderId).stream().map(OutboxRecord::eventType).toList();
    }
}
