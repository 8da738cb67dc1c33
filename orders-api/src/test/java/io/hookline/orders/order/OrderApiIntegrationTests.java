package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderApiIntegrationTests extends ApiTestSupport {

    @Test
    void createdOrderIsAnsweredWithLocationAndBodyAndCanBeReadBack() {
        HttpResponse<String> created = post("/orders", JSON, """
                {"customer_email": "ada@example.com", "product_name": "Mechanical keyboard", "quantity": 3,
                 "unit_price": "29.99", "currency": "USD", "callback_url": "https://shop.example.com/hooks/1"}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json(created);
        String id = order.get("id").stringValue();
        assertThat(id).matches("ord_[0-9a-f]{32}");
        assertThat(created.headers().firstValue("Location")).hasValue("/orders/" + id);
        assertThat(order.get("status").stringValue()).isEqualTo("pending_payment");
        assertThat(order.get("customer_email").stringValue()).isEqualTo("ada@example.com");
        assertThat(order.get("product_name").stringValue()).isEqualTo("Mechanical keyboard");
        assertThat(order.get("quantity").intValue()).isEqualTo(3);
        assertThat(order.get("unit_price").isString()).isTrue();
        assertThat(order.get("unit_price").stringValue()).isEqualTo("29.99");
        assertThat(order.get("amount").stringValue()).isEqualTo("89.97");
        assertThat(order.get("currency").stringValue()).isEqualTo("USD");
        assertThat(order.get("callback_url").stringValue()).isEqualTo("https://shop.example.com/hooks/1");
        assertThat(order.get("created_at").stringValue()).endsWith("Z");
        assertThat(order.has("paid_at")).isFalse();
        assertThat(order.has("failure_reason")).isFalse();

        HttpResponse<String> read = get("/orders/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(order);
    }

    @Test
    void amountKeepsTheCurrencyScaleWithoutRounding() {
        JsonNode yen = json(post("/orders", JSON, """
                {"customer_email": "ken@example.jp", "product_name": "Tea", "quantity": 2,
                 "unit_price": "1500", "currency": "JPY"}"""));
        assertThat(yen.get("amount").stringValue()).isEqualTo("3000");
        assertThat(yen.has("callback_url")).isFalse();

        JsonNode dollars = json(post("/orders", JSON, """
                {"customer_email": "ada@example.com", "product_name": "Pen", "quantity": 3,
                 "unit_price": "0.3333", "currency": "USD"}"""));
        assertThat(dollars.get("unit_price").stringValue()).isEqualTo("0.3333");
        assertThat(dollars.get("amount").stringValue()).isEqualTo("0.9999");
        assertThat(json(get("/orders/" + dollars.get("id").stringValue()))).isEqualTo(dollars);
    }

    @Test
    void listShowsNewestOrdersFirst() {
        String older = createOrder();
        String newer = createOrder();

        HttpResponse<String> listed = get("/orders");

        assertThat(listed.statusCode()).isEqualTo(200);
        List<String> ids = json(listed).get("data").valueStream().map(o -> o.get("id").stringValue()).toList();
        assertThat(ids).hasSizeLessThanOrEqualTo(20).contains(older, newer);
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
    }

    @Test
    void unknownOrderIsANotFoundProblem() {
        HttpResponse<String> response = get("/orders/ord_00000000000000000000000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").stringValue()).isEqualTo("https://hookline.io/problems/not-found");
    }

    @Test
    void invalidOrderListsEveryBadFieldAndStoresNothing() {
        long before = count("orders");

        HttpResponse<String> response = post("/orders", JSON, """
                {"customer_email": "not-an-email", "product_name": "", "quantity": 0,
                 "unit_price": "12.34567", "currency": "usd", "callback_url": "ftp://example.com/x"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("type").stringValue()).isEqualTo("https://hookline.io/problems/validation");
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(errors(problem)).containsOnlyKeys("customer_email", "product_name", "quantity", "unit_price",
                "currency", "callback_url");
        assertThat(errors(problem).get("quantity")).isEqualTo("must be at least 1");
        assertThat(count("orders")).isEqualTo(before);
    }

    @Test
    void missingFieldsAreEachReported() {
        HttpResponse<String> response = post("/orders", JSON, "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(json(response))).containsOnlyKeys("customer_email", "product_name", "quantity",
                "unit_price", "currency").containsValue("is required");
    }

    @Test
    void unitPriceAsJsonNumberIsRejectedOnThatField() {
        long before = count("orders");

        HttpResponse<String> response = post("/orders", JSON, """
                {"customer_email": "ada@example.com", "product_name": "Pen", "quantity": 1,
                 "unit_price": 29.99, "currency": "USD"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(json(response))).containsExactly(
                Map.entry("unit_price", "must be a decimal string, e.g. \"29.99\""));
        assertThat(count("orders")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequestProblemThatEchoesNothing() {
        HttpResponse<String> response = post("/orders", JSON, "{\"customer_email\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("type").stringValue()).isEqualTo("https://hookline.io/problems/malformed-json");
        assertThat(problem.get("detail").stringValue()).doesNotContain("Jackson", "tools.", "line:");
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        HttpResponse<String> response = post("/orders", "text/plain", "hello");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("type").stringValue())
                .isEqualTo("https://hookline.io/problems/unsupported-media-type");
    }

    @Test
    void bodyOverSixtyFourKibibytesIsTooLarge() {
        long before = count("orders");
        String name = "x".repeat(70 * 1024);

        HttpResponse<String> response = post("/orders", JSON, """
                {"customer_email": "ada@example.com", "product_name": "%s", "quantity": 1,
                 "unit_price": "1.00", "currency": "USD"}""".formatted(name));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("type").stringValue())
                .isEqualTo("https://hookline.io/problems/payload-too-large");
        assertThat(count("orders")).isEqualTo(before);
    }

    @Test
    void actuatorExposesHealthAndPrometheus() {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("hookline_outbox_unpublished", "hookline_outbox_published_total");
    }

    @Test
    void openApiDocumentListsTheApiAndSwaggerUiIsServed() {
        HttpResponse<String> docs = get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).get("paths");
        assertThat(paths.propertyNames()).contains("/orders", "/orders/{id}", "/orders/{id}/payment",
                "/orders/{id}/cancel", "/orders/{id}/refund");
        assertThat(paths.at("/~1orders~1{id}~1cancel/post/responses").propertyNames()).contains("200", "404", "409");
        assertThat(paths.at("/~1orders~1{id}~1refund/post/responses").propertyNames()).contains("200", "404", "409");
        assertThat(paths.get("/orders").has("post")).isTrue();
        assertThat(paths.get("/orders").has("get")).isTrue();
        assertThat(docs.body()).contains("Idempotency-Key");
        HttpResponse<String> ui = get("/swagger-ui.html");
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("field").stringValue(), e.get("message").stringValue()));
        return errors;
    }
}
