package io.hookline.orders.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.orders.outbox.OutboxRecord;
import io.hookline.orders.outbox.OutboxRepository;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyKeyIntegrationTests extends ApiTestSupport {

    @Autowired
    OutboxRepository outbox;

    @Autowired
    IdempotencyKeyPurger purger;

    @Test
    void sameKeyAndBodyReplaysTheFirstAnswerWithoutASecondOrder() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = postWithKey("/orders", key, orderBody(email, 2));
        HttpResponse<String> again = postWithKey("/orders", key, orderBody(email, 2));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ordersOf(email)).isEqualTo(1);
    }

    @Test
    void memberOrderAndWhitespaceDoNotMakeADifferentRequest() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postWithKey("/orders", key, orderBody(email, 1));

        HttpResponse<String> reordered = postWithKey("/orders", key, """
                { "currency":"USD", "unit_price":"29.99",  "quantity":1,
                  "product_name":"Mechanical keyboard", "customer_email":"%s" }""".formatted(email));

        assertThat(reordered.statusCode()).isEqualTo(201);
        assertThat(reordered.body()).isEqualTo(first.body());
        assertThat(ordersOf(email)).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedAndStoresNothing() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        postWithKey("/orders", key, orderBody(email, 1));

        HttpResponse<String> different = postWithKey("/orders", key, orderBody(email, 5));

        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(json(different).get("type").stringValue())
                .isEqualTo("https://hookline.io/problems/idempotency-key-reused");
        assertThat(json(different).get("detail").stringValue()).contains(key);
        assertThat(ordersOf(email)).isEqualTo(1);
    }

    @Test
    void keyOfAnOrderCannotBeReusedForAPayment() {
        String key = UUID.randomUUID().toString();
        postWithKey("/orders", key, orderBody(uniqueEmail(), 1));
        String id = createOrder();

        HttpResponse<String> payment = postWithKey("/orders/" + id + "/payment", key, visa());

        assertThat(payment.statusCode()).isEqualTo(422);
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
    }

    @Test
    void repeatedPaymentReplaysTheSuccessInsteadOfAConflictAndPublishesOnce() {
        String id = createOrder();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> paid = postWithKey("/orders/" + id + "/payment", key, visa());
        HttpResponse<String> replay = postWithKey("/orders/" + id + "/payment", key, visa());
        HttpResponse<String> withoutKey = pay(id, "tok_visa");

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(paid.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(withoutKey.statusCode()).as("a keyless retry is a new request").isEqualTo(409);
        assertThat(awaitPublished(id, 2)).extracting(OutboxRecord::eventType)
                .containsExactly("order.created", "order.paid");
    }

    @Test
    void declinedPaymentIsReplayedAsDeclinedWhileANewKeyMayPayAgain() {
        String id = createOrder();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> declined = postWithKey("/orders/" + id + "/payment", key, token("tok_declined"));
        HttpResponse<String> replay = postWithKey("/orders/" + id + "/payment", key, token("tok_declined"));
        HttpResponse<String> retry = postWithKey("/orders/" + id + "/payment", UUID.randomUUID().toString(), visa());

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(replay.statusCode()).isEqualTo(402);
        assertThat(replay.body()).isEqualTo(declined.body());
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(awaitPublished(id, 3)).extracting(OutboxRecord::eventType)
                .containsExactly("order.created", "order.payment_failed", "order.paid");
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneOrder() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> answers = IntStream.range(0, 8)
                .mapToObj(i -> postAsyncWithKey("/orders", key, orderBody(email, 3)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(201, 409));
        List<String> created = answers.stream().filter(a -> a.statusCode() == 201).map(HttpResponse::body).toList();
        assertThat(created).isNotEmpty().allMatch(body -> body.equals(created.getFirst()));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertThat(json(a).get("type")
                .stringValue()).isEqualTo("https://hookline.io/problems/idempotency-key-in-use"));
        assertThat(ordersOf(email)).isEqualTo(1);
        assertThat(postWithKey("/orders", key, orderBody(email, 3)).body()).isEqualTo(created.getFirst());
    }

    @Test
    void concurrentPaymentsWithOneKeyChargeAndPublishOnce() {
        String id = createOrder();
        String key = UUID.randomUUID().toString();

        List<Integer> statuses = IntStream.range(0, 8)
                .mapToObj(i -> postAsyncWithKey("/orders/" + id + "/payment", key, visa()))
                .toList().stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 409);
        assertThat(awaitPublished(id, 2)).extracting(OutboxRecord::eventType)
                .containsExactly("order.created", "order.paid");
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            assertThat(events.readToEnd(id, "order.paid")).hasSize(1);
            assertThat(events.seen(id)).hasSize(2);
        }
    }

    @Test
    void expiredKeyIsANewRequestAndPurgingRemovesIt() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        postWithKey("/orders", key, orderBody(email, 1));

        age(key, "expires_at");
        HttpResponse<String> afterExpiry = postWithKey("/orders", key, orderBody(email, 1));

        assertThat(afterExpiry.statusCode()).isEqualTo(201);
        assertThat(afterExpiry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(ordersOf(email)).isEqualTo(2);
        age(key, "expires_at");
        purger.purge();
        assertThat(keyRows(key)).isZero();
    }

    @Test
    void abandonedClaimIsTakenOverAfterTheLockTimeout() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO idempotency_key (owner_id, idem_key, request_method, request_path, request_hash, "
                        + "state, created_at, locked_until, expires_at) VALUES ('cli_development', :key, 'POST', "
                        + "'/orders', 'x', 'in_progress', :now, :now, :later)")
                .param("key", key)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2))
                .param("later", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))
                .update();

        HttpResponse<String> answer = postWithKey("/orders", key, orderBody(email, 1));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(ordersOf(email)).isEqualTo(1);
    }

    @Test
    void failedRequestIsNotRememberedSoTheKeyCanBeUsedAgain() {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> missing = postWithKey("/orders/ord_ffffffffffffffffffffffffffffffff/payment", key,
                visa());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(keyRows(key)).isZero();
        String id = createOrder();
        assertThat(postWithKey("/orders/" + id + "/payment", key, visa()).statusCode())
                .as("a request that failed without changing anything leaves the key unused").isEqualTo(200);
    }

    @Test
    void invalidKeyIsAValidationProblem() {
        String email = uniqueEmail();

        HttpResponse<String> answer = postWithKey("/orders", "k".repeat(256), orderBody(email, 1));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).get("errors").get(0).get("field").stringValue()).isEqualTo("Idempotency-Key");
        assertThat(ordersOf(email)).isZero();
    }

    private static String orderBody(String email, int quantity) {
        return """
                {"customer_email": "%s", "product_name": "Mechanical keyboard", "quantity": %d,
                 "unit_price": "29.99", "currency": "USD"}""".formatted(email, quantity);
    }

    private static String visa() {
        return token("tok_visa");
    }

    private static String token(String token) {
        return "{\"payment_method\": \"" + token + "\"}";
    }

    private long ordersOf(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_email = :email").param("email", email)
                .query(Long.class).single();
    }

    private long keyRows(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = :key").param("key", key)
                .query(Long.class).single();
    }

    private void age(String key, String column) {
        jdbc.sql("UPDATE idempotency_key SET " + column + " = :past WHERE idem_key = :key")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                .param("key", key)
                .update();
    }

    private List<OutboxRecord> awaitPublished(String orderId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<OutboxRecord> rows = outbox.findByAggregateId(orderId);
            return rows.size() == count && rows.stream().allMatch(r -> r.publishedAt() != null);
        });
        return outbox.findByAggregateId(orderId);
    }
}
