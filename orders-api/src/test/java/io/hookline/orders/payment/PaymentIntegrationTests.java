package io.hookline.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.orders.outbox.OutboxRecord;
import io.hookline.orders.outbox.OutboxRepository;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

class PaymentIntegrationTests extends ApiTestSupport {

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
    void paidOrderIsPublishedAsAnOrderPaidEventKeyedByOrderId() {
        String id = createOrder();

        HttpResponse<String> paid = pay(id, "tok_visa");

        assertThat(paid.statusCode()).isEqualTo(200);
        JsonNode order = json(paid);
        assertThat(order.get("status").stringValue()).isEqualTo("paid");
        assertThat(order.get("paid_at").stringValue()).endsWith("Z");
        assertThat(json(get("/orders/" + id))).isEqualTo(order);

        ConsumerRecord<String, String> record = events.awaitRecords(id, EventTypes.ORDER_PAID, 1).getFirst();
        assertThat(contracts.validate(ContractSchema.EVENT_ENVELOPE, record.value())).isEmpty();
        JsonNode envelope = mapper.readTree(record.value());
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.get("id").stringValue());
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(EventTypes.ORDER_PAID);
        assertThat(envelope.get("type").stringValue()).isEqualTo(EventTypes.ORDER_PAID);
        assertThat(envelope.get("occurred_at").stringValue()).isEqualTo(order.get("paid_at").stringValue());
        JsonNode data = envelope.get("data");
        assertThat(data.get("order_id").stringValue()).isEqualTo(id);
        assertThat(data.get("amount").stringValue()).isEqualTo("59.98");
        assertThat(data.get("unit_price").stringValue()).isEqualTo("29.99");
        assertThat(data.get("currency").stringValue()).isEqualTo("USD");
        assertThat(data.get("customer_email").stringValue()).isEqualTo("ada@example.com");
        assertThat(data.get("callback_url").stringValue()).isEqualTo("https://shop.example.com/hooks/1");
    }

    @Test
    void declinedCardAnswers402PublishesPaymentFailedAndTheOrderCanBePaidAgain() {
        String id = createOrder();

        HttpResponse<String> declined = pay(id, "tok_declined");

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(json(declined).get("status").stringValue()).isEqualTo("payment_failed");
        assertThat(json(declined).get("failure_reason").stringValue()).isEqualTo("card_declined");
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("payment_failed");
        ConsumerRecord<String, String> failed = events.awaitRecords(id, EventTypes.ORDER_PAYMENT_FAILED, 1)
                .getFirst();
        assertThat(contracts.validate(ContractSchema.EVENT_ENVELOPE, failed.value())).isEmpty();
        assertThat(header(failed, EventHeaders.EVENT_TYPE)).isEqualTo(EventTypes.ORDER_PAYMENT_FAILED);
        JsonNode data = mapper.readTree(failed.value()).get("data");
        assertThat(data.get("failure_reason").stringValue()).isEqualTo("card_declined");
        assertThat(data.get("failed_at").stringValue()).isEqualTo(json(declined).get("updated_at").stringValue());
        assertThat(data.get("callback_url").stringValue()).isEqualTo("https://shop.example.com/hooks/1");

        HttpResponse<String> retried = pay(id, "tok_mastercard");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json(retried).get("status").stringValue()).isEqualTo("paid");
        assertThat(json(retried).has("failure_reason")).isFalse();
        assertThat(events.awaitRecords(id, 3)).extracting(r -> header(r, EventHeaders.EVENT_TYPE))
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAYMENT_FAILED, EventTypes.ORDER_PAID);
        assertThat(awaitPublished(id, 3)).extracting(OutboxRecord::eventType)
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAYMENT_FAILED, EventTypes.ORDER_PAID);
    }

    @Test
    void payingAPaidOrderConflictsAndPublishesNoSecondEvent() {
        String id = createOrder();
        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);

        HttpResponse<String> again = pay(id, "tok_visa");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").stringValue()).isEqualTo("https://hookline.io/problems/conflict");
        assertThat(json(again).get("detail").stringValue()).contains("already paid");
        awaitPublished(id, 2);
        assertThat(events.readToEnd(id, EventTypes.ORDER_PAID)).hasSize(1);
        assertThat(events.seen(id)).hasSize(2);
    }

    @Test
    void concurrentPaymentsOfOneOrderYieldOnePaidAndOneEvent() {
        String id = createOrder();

        List<CompletableFuture<HttpResponse<String>>> attempts = IntStream.range(0, 8)
                .mapToObj(i -> postAsync("/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}"))
                .toList();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)
                .toList();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        awaitPublished(id, 2);
        assertThat(events.readToEnd(id, EventTypes.ORDER_PAID)).hasSize(1);
        assertThat(events.seen(id)).hasSize(2);
    }

    @Test
    void orderChangeAndOutboxRowCommitTogether() {
        String id = createOrder();
        UUID taken = UUID.randomUUID();
        String other = createOrder();
        ids.queue(taken);
        assertThat(pay(other, "tok_visa").statusCode()).isEqualTo(200);
        ids.queue(taken);

        HttpResponse<String> failed = pay(id, "tok_visa");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
        assertThat(outbox.findByAggregateId(id)).extracting(OutboxRecord::eventType)
                .containsExactly(EventTypes.ORDER_CREATED);
        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);
        assertThat(awaitPublished(id, 2)).extracting(OutboxRecord::eventType)
                .containsExactly(EventTypes.ORDER_CREATED, EventTypes.ORDER_PAID);
    }

    @Test
    void unknownOrderIsNotFound() {
        HttpResponse<String> response = pay("ord_ffffffffffffffffffffffffffffffff", "tok_visa");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("type").stringValue()).isEqualTo("https://hookline.io/problems/not-found");
    }

    @Test
    void unsupportedOrMissingPaymentMethodIsAValidationProblemThatChangesNothing() {
        String id = createOrder();

        HttpResponse<String> unknown = pay(id, "tok_amex");
        HttpResponse<String> blank = pay(id, " ");
        HttpResponse<String> missing = post("/orders/" + id + "/payment", JSON, "{}");

        for (HttpResponse<String> response : List.of(unknown, blank, missing)) {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("payment_method");
        }
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
    }

    private List<OutboxRecord> awaitPublished(String orderId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<OutboxRecord> rows = outbox.findByAggregateId(orderId);
            return rows.size() == count && rows.stream().allMatch(r -> r.publishedAt() != null);
        });
        return outbox.findByAggregateId(orderId);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
