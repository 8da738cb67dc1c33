package io.hookline.orders.cancellation;

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
import java.net.http.HttpRequest;
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

class CancellationIntegrationTests extends ApiTestSupport {

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
    void cancellingAnUnpaidOrderAnswersTheCancelledOrderAndPublishesOrderCancelled() {
        String id = createOrder();

        HttpResponse<String> cancelled = postAction(id, "cancel", null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        JsonNode order = json(cancelled);
        assertThat(order.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(order.get("cancellation_reason").stringValue()).isEqualTo("requested_by_customer");
        assertThat(order.get("cancelled_at").stringValue()).endsWith("Z").isEqualTo(order.get("updated_at").stringValue());
        assertThat(order.has("paid_at")).isFalse();
        assertThat(json(get("/orders/" + id))).isEqualTo(order);

        ConsumerRecord<String, String> record = events.awaitRecords(id, EventTypes.ORDER_CANCELLED, 1).getFirst();
        assertThat(contracts.validate(ContractSchema.EVENT_ENVELOPE, record.value())).isEmpty();
        JsonNode envelope = mapper.readTree(record.value());
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.get("id").stringValue());
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(EventTypes.ORDER_CANCELLED);
        assertThat(header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1").isEqualTo(String.valueOf(
                EventCatalog.platform().latest(EventTypes.ORDER_CANCELLED).orElseThrow().version()));
        assertThat(envelope.get("occurred_at").stringValue()).isEqualTo(order.get("cancelled_at").stringValue());
        JsonNode data = envelope.get("data");
        assertThat(data.get("order_id").stringValue()).isEqualTo(id);
        assertThat(data.get("cancellation_reason").stringValue()).isEqualTo("requested_by_customer");
        assertThat(data.get("cancelled_at").stringValue()).isEqualTo(order.get("cancelled_at").stringValue());
        assertThat(data.get("amount").stringValue()).isEqualTo("59.98");
        assertThat(data.get("callback_url").stringValue()).isEqualTo("https://shop.example.com/hooks/1");
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_CANCELLED);
    }

    @Test
    void aDeclinedOrderCanBeCancelledWithAReasonAndTheListFindsIt() {
        String email = uniqueEmail();
        String id = createOrder(email);
        String other = createOrder(email);
        assertThat(pay(id, "tok_declined").statusCode()).isEqualTo(402);

        HttpResponse<String> cancelled = postAction(id, "cancel", "{\"reason\": \"out_of_stock\"}");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").stringValue()).isEqualTo("cancelled");
        assertThat(json(cancelled).get("cancellation_reason").stringValue()).isEqualTo("out_of_stock");
        JsonNode list = json(get("/orders?status=cancelled&customer_email=" + email)).get("data");
        assertThat(list).extracting(o -> o.get("id").stringValue()).containsExactly(id);
        assertThat(json(get("/orders?status=pending_payment&customer_email=" + email)).get("data"))
                .extracting(o -> o.get("id").stringValue()).containsExactly(other);
        JsonNode data = mapper.readTree(events.awaitRecords(id, EventTypes.ORDER_CANCELLED, 1).getFirst().value())
                .get("data");
        assertThat(data.get("cancellation_reason").stringValue()).isEqualTo("out_of_stock");
    }

    @Test
    void aBadBodyIsAProblemThatChangesNothing() {
        String id = createOrder();

        for (String body : List.of("[]", "\"cancel\"", "{\"reason\": \"Out Of Stock\"}", "{\"reason\": 7}",
                "{\"reason\": \"\"}", "{\"reason\": \"a" + "b".repeat(100) + "\"}")) {
            HttpResponse<String> response = postAction(id, "cancel", body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("type").stringValue()).isEqualTo(PROBLEMS + "validation");
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).as(body)
                    .isIn("reason", "");
        }
        HttpResponse<String> malformed = postAction(id, "cancel", "{\"reason\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("type").stringValue()).isEqualTo(PROBLEMS + "malformed-json");
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/orders/" + id + "/cancel"))
                .header("Authorization", "Bearer " + CLIENT_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("reason")));
        assertThat(text.statusCode()).isEqualTo(415);

        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED);
    }

    @Test
    void aPaidOrderCannotBeCancelled() {
        String id = createOrder();
        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = postAction(id, "cancel", null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("type").stringValue()).isEqualTo(PROBLEMS + "order-not-cancellable");
        assertThat(json(refused).get("detail").stringValue()).contains("is paid");
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("paid");
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID);
    }

    @Test
    void cancellingTwiceConflictsAndACancelledOrderCannotBePaid() {
        String id = createOrder();
        assertThat(postAction(id, "cancel", null).statusCode()).isEqualTo(200);

        HttpResponse<String> again = postAction(id, "cancel", "{\"reason\": \"duplicate\"}");
        HttpResponse<String> paid = pay(id, "tok_visa");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").stringValue()).isEqualTo(PROBLEMS + "order-not-cancellable");
        assertThat(json(again).get("detail").stringValue()).contains("is cancelled");
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(json(paid).get("type").stringValue()).isEqualTo(PROBLEMS + "conflict");
        assertThat(json(paid).get("detail").stringValue()).contains("cancelled");
        assertThat(json(get("/orders/" + id)).get("cancellation_reason").stringValue())
                .isEqualTo("requested_by_customer");
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_CANCELLED);
        assertThat(events.readToEnd(id, EventTypes.ORDER_CANCELLED)).hasSize(1);
    }

    @Test
    void anotherClientsOrderOrAnUnknownOneIsNotFound() {
        TestClient bob = createClient("[\"read\", \"write\"]");
        String bobs = createOrderAs(bob.key(), uniqueEmail());

        HttpResponse<String> foreign = postAction(bobs, "cancel", null);
        HttpResponse<String> unknown = postAction("ord_ffffffffffffffffffffffffffffffff", "cancel", null);

        for (HttpResponse<String> response : List.of(foreign, unknown)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).get("type").stringValue()).isEqualTo(PROBLEMS + "not-found");
        }
        assertThat(json(getAs(bob.key(), "/orders/" + bobs)).get("status").stringValue())
                .isEqualTo("pending_payment");
        assertThat(eventTypes(bobs)).containsExactly(EventTypes.ORDER_CREATED);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndCancelsOnce() {
        String id = createOrder();
        String key = UUID.randomUUID().toString();
        String path = "/orders/" + id + "/cancel";

        HttpResponse<String> first = postWithKey(path, key, "{\"reason\": \"duplicate_order\"}");
        HttpResponse<String> replay = postWithKey(path, key, "{\"reason\": \"duplicate_order\"}");
        HttpResponse<String> otherBody = postWithKey(path, key, "{\"reason\": \"fraud\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(json(otherBody).get("type").stringValue()).isEqualTo(PROBLEMS + "idempotency-key-reused");
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_CANCELLED);
        assertThat(events.awaitRecords(id, 2)).hasSize(2);
        assertThat(events.readToEnd(id, EventTypes.ORDER_CANCELLED)).hasSize(1);
    }

    @Test
    void ofConcurrentPaymentsAndCancellationsExactlyOneWinsWithExactlyOneEvent() {
        String id = createOrder();

        List<CompletableFuture<HttpResponse<String>>> attempts = IntStream.range(0, 8)
                .mapToObj(i -> i % 2 == 0
                        ? postAsync("/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}")
                        : postAsync("/orders/" + id + "/cancel", "{}"))
                .toList();
        List<HttpResponse<String>> answers = attempts.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() != 200).hasSize(7)
                .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(409));
        String status = json(won.getFirst()).get("status").stringValue();
        assertThat(status).isIn("paid", "cancelled");
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo(status);
        String winnerEvent = status.equals("paid") ? EventTypes.ORDER_PAID : EventTypes.ORDER_CANCELLED;
        assertThat(eventTypes(id)).containsExactly(EventTypes.ORDER_CREATED, winnerEvent);
        assertThat(events.awaitRecords(id, 2)).hasSize(2);
        assertThat(events.readToEnd(id)).extracting(r -> header(r, EventHeaders.EVENT_TYPE))
                .containsExactly(EventTypes.ORDER_CREATED, winnerEvent);
    }

    private List<String> eventTypes(String orderId) {
        return outbox.findByAggregateId(orderId).stream().map(OutboxRecord::eventType).toList();
    }
}
