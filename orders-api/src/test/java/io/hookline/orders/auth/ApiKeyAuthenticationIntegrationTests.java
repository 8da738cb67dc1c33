package io.hookline.orders.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may call what: every route needs a valid key with the right scope, and a client sees only its own orders. */
class ApiKeyAuthenticationIntegrationTests extends ApiTestSupport {

    private static final String UNKNOWN_ORDER = "/orders/ord_00000000000000000000000000000000";

    @Test
    void everyRouteRefusesARequestWithoutAKeyWith401AndABearerChallenge() {
        String id = createOrder();
        long orders = count("orders");

        List<HttpResponse<String>> answers = List.of(
                getAs(null, "/orders"),
                getAs(null, "/orders/" + id),
                getAs(null, UNKNOWN_ORDER),
                postAs(null, "/orders", orderJson(uniqueEmail())),
                postAs(null, "/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}"),
                getAs(null, "/clients"),
                postAs(null, "/clients", "{\"name\": \"Anonymous shop\"}"),
                postAs(null, "/clients/cli_development/api-keys", "{\"scopes\": [\"admin\"]}"),
                postAs(null, "/clients/cli_development/rotate-callback-secret", "{}"),
                send(HttpRequest.newBuilder(uri("/clients/cli_development/api-keys/key_development")).DELETE()));

        assertThat(answers).allSatisfy(answer -> {
            assertUnauthorized(answer);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        });
        assertThat(count("orders")).isEqualTo(orders);
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE id = 'key_development' AND revoked_at IS NULL")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void malformedUnknownAndNonBearerCredentialsAre401() {
        Map<String, String> headers = Map.of(
                "Basic", "Basic " + CLIENT_KEY,
                "empty bearer", "Bearer ",
                "not a key", "Bearer hello",
                "unknown key", "Bearer sk_test_" + UUID.randomUUID().toString().replace("-", ""),
                "overlong key", "Bearer sk_test_" + "x".repeat(300));

        headers.forEach((what, header) -> {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/orders")).header("Authorization", header)
                    .GET());
            assertUnauthorized(answer);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(what).get().asString()
                    .startsWith("Bearer");
        });
    }

    @Test
    void aKeyWithoutTheNeededScopeIsForbidden() {
        TestClient readOnly = createClient("[\"read\"]");
        TestClient writeOnly = createClient("[\"write\"]");
        String id = createOrderAs(writeOnly.key(), uniqueEmail());
        long orders = count("orders");

        assertForbidden(postAs(readOnly.key(), "/orders", orderJson(uniqueEmail())));
        assertForbidden(postAs(readOnly.key(), "/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}"));
        assertForbidden(getAs(writeOnly.key(), "/orders/" + id));
        assertForbidden(getAs(writeOnly.key(), "/orders"));
        assertForbidden(getAs(CLIENT_KEY, "/clients"));
        assertForbidden(postAs(CLIENT_KEY, "/clients", "{\"name\": \"Self-made admin\"}"));

        assertThat(count("orders")).isEqualTo(orders);
        assertThat(json(getAs(ADMIN_KEY, "/orders/" + id)).get("status").stringValue())
                .isEqualTo("pending_payment");
        assertThat(getAs(readOnly.key(), "/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientsOrderIsNotFoundToReadPayOrDeclineAndStaysUnchanged() {
        TestClient alice = createClient("[\"read\", \"write\"]");
        TestClient bob = createClient("[\"read\", \"write\"]");
        String email = uniqueEmail();
        String id = createOrderAs(alice.key(), email);
        JsonNode before = json(getAs(alice.key(), "/orders/" + id));

        assertNotFound(getAs(bob.key(), "/orders/" + id));
        assertNotFound(postAs(bob.key(), "/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}"));
        assertNotFound(postAs(bob.key(), "/orders/" + id + "/payment", "{\"payment_method\": \"tok_declined\"}"));
        assertNotFound(postAs(bob.key(), "/orders/" + id + "/payment", UUID.randomUUID().toString(),
                "{\"payment_method\": \"tok_visa\"}"));
        HttpResponse<String> bobsList = getAs(bob.key(), "/orders?customer_email=" + email);
        assertThat(bobsList.statusCode()).isEqualTo(200);
        assertThat(json(bobsList).get("data").isEmpty()).isTrue();
        assertThat(ids(getAs(bob.key(), "/orders?limit=100"))).doesNotContain(id);

        assertThat(json(getAs(alice.key(), "/orders/" + id))).isEqualTo(before);
        assertThat(ids(getAs(alice.key(), "/orders?customer_email=" + email))).containsExactly(id);
        assertThat(jdbc.sql("SELECT event_type FROM outbox_event WHERE aggregate_id = :id").param("id", id)
                .query(String.class).list()).as("only the order's creation").containsExactly("order.created");
    }

    @Test
    void theNotFoundAnswerForAnotherClientsOrderIsTheOneForAnOrderThatDoesNotExist() {
        TestClient bob = createClient("[\"read\"]");
        String id = createOrder();

        JsonNode foreign = json(getAs(bob.key(), "/orders/" + id));
        JsonNode missing = json(getAs(bob.key(), UNKNOWN_ORDER));

        assertThat(foreign.get("type")).isEqualTo(missing.get("type"));
        assertThat(foreign.get("title")).isEqualTo(missing.get("title"));
        assertThat(foreign.get("detail").stringValue()).isEqualTo(
                missing.get("detail").stringValue().replace(UNKNOWN_ORDER.substring(8), id));
    }

    @Test
    void aRevokedKeyIsRefusedOnItsNextRequest() {
        TestClient shop = createClient("[\"read\", \"write\"]");
        assertThat(getAs(shop.key(), "/orders").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(
                uri("/clients/" + shop.id() + "/api-keys/" + shop.keyId())).header("Authorization", "Bearer " + ADMIN_KEY)
                .DELETE());

        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> refused = getAs(shop.key(), "/orders");
        assertUnauthorized(refused);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertUnauthorized(postAs(shop.key(), "/orders", orderJson(uniqueEmail())));
    }

    @Test
    void theAdminKeySeesAndPaysEveryClientsOrders() {
        TestClient alice = createClient("[\"read\", \"write\"]");
        TestClient bob = createClient("[\"read\", \"write\"]");
        String email = uniqueEmail();
        String alices = createOrderAs(alice.key(), email);
        String bobs = createOrderAs(bob.key(), email);

        assertThat(ids(getAs(ADMIN_KEY, "/orders?customer_email=" + email))).containsExactlyInAnyOrder(alices, bobs);
        assertThat(getAs(ADMIN_KEY, "/orders/" + alices).statusCode()).isEqualTo(200);
        HttpResponse<String> paid = postAs(ADMIN_KEY, "/orders/" + bobs + "/payment",
                "{\"payment_method\": \"tok_visa\"}");

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(json(getAs(bob.key(), "/orders/" + bobs)).get("status").stringValue()).isEqualTo("paid");
    }

    @Test
    void keysAreStoredOnlyAsTheirSha256AndAShortPrefix() {
        TestClient shop = createClient("[\"read\"]");

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_key WHERE id = :id").param("id", shop.keyId())
                .query().singleRow();

        assertThat(shop.key()).matches("sk_test_[A-Za-z0-9_-]{43}");
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(shop.key()));
        assertThat(row.get("KEY_HASH")).isEqualTo(ApiKeyHash.of(shop.key()));
        assertThat(row.get("KEY_PREFIX")).isEqualTo(shop.key().substring(0, 12));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = :hash")
                .param("hash", ApiKeyHash.of(CLIENT_KEY)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoClientsUsingTheSameIdempotencyKeyNeverSeeEachOthersResponse() {
        TestClient alice = createClient("[\"read\", \"write\"]");
        TestClient bob = createClient("[\"read\", \"write\"]");
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail();

        HttpResponse<String> alices = postAs(alice.key(), "/orders", key, orderJson(email));
        HttpResponse<String> bobs = postAs(bob.key(), "/orders", key, orderJson(email));
        HttpResponse<String> alicesAgain = postAs(alice.key(), "/orders", key, orderJson(email));

        assertThat(alices.statusCode()).isEqualTo(201);
        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(bobs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(bobs).get("id")).isNotEqualTo(json(alices).get("id"));
        assertThat(alicesAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(alicesAgain).get("id")).isEqualTo(json(alices).get("id"));
        assertThat(ids(getAs(bob.key(), "/orders?customer_email=" + email)))
                .containsExactly(json(bobs).get("id").stringValue());
    }

    private List<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).isEqualTo(200);
        return json(list).get("data").valueStream().map(o -> o.get("id").stringValue()).toList();
    }

    private void assertUnauthorized(HttpResponse<String> answer) {
        assertProblem(answer, 401, "unauthorized");
    }

    private void assertForbidden(HttpResponse<String> answer) {
        assertProblem(answer, 403, "forbidden");
    }

    private void assertNotFound(HttpResponse<String> answer) {
        assertProblem(answer, 404, "not-found");
    }

    private void assertProblem(HttpResponse<String> answer, int status, String slug) {
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.uri()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer).get("type").stringValue()).isEqualTo("https://hookline.io/problems/" + slug);
        assertThat(answer.body()).doesNotContain(CLIENT_KEY, ADMIN_KEY, "sk_test_hookline", "xxxxxxxx");
    }
}
