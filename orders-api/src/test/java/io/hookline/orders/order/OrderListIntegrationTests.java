package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderListIntegrationTests extends ApiTestSupport {

    @Test
    void cursorWalksEveryMatchingOrderNewestFirstWithoutGapsOrRepeats() {
        String email = uniqueEmail();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createOrder(email));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list("customer_email=" + encode(email) + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("data").forEach(order -> seen.add(order.get("id").stringValue()));
            cursor = page.get("has_more").booleanValue() ? page.get("next_cursor").stringValue() : null;
            assertThat(page.has("next_cursor")).isEqualTo(page.get("has_more").booleanValue());
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        List<Map.Entry<Instant, String>> keys = seen.stream().map(id -> Map.entry(
                Instant.parse(json(get("/orders/" + id)).get("created_at").stringValue()), id)).toList();
        assertThat(keys).as("newest first, ties by id").isSortedAccordingTo(
                Map.Entry.<Instant, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()).reversed());
    }

    @Test
    void ordersCreatedWhilePagingDoNotShiftThePages() {
        String email = uniqueEmail();
        String first = createOrder(email);
        String second = createOrder(email);
        JsonNode page1 = list("customer_email=" + encode(email) + "&limit=1");

        createOrder(email);
        JsonNode page2 = list("customer_email=" + encode(email) + "&limit=1&cursor="
                + page1.get("next_cursor").stringValue());

        assertThat(List.of(page1.get("data").get(0).get("id").stringValue(),
                page2.get("data").get(0).get("id").stringValue())).containsExactlyInAnyOrder(first, second);
        assertThat(page2.get("has_more").booleanValue()).isFalse();
    }

    @Test
    void statusAndCustomerFiltersCombine() {
        String email = uniqueEmail();
        String paid = createOrder(email);
        String declined = createOrder(email);
        String pending = createOrder(email);
        String someoneElses = createOrder(uniqueEmail());
        assertThat(pay(paid, "tok_visa").statusCode()).isEqualTo(200);
        assertThat(pay(declined, "tok_declined").statusCode()).isEqualTo(402);
        assertThat(pay(someoneElses, "tok_visa").statusCode()).isEqualTo(200);

        assertThat(ids(list("customer_email=" + encode(email) + "&status=paid"))).containsExactly(paid);
        assertThat(ids(list("customer_email=" + encode(email) + "&status=payment_failed"))).containsExactly(declined);
        assertThat(ids(list("customer_email=" + encode(email) + "&status=pending_payment"))).containsExactly(pending);
        assertThat(ids(list("customer_email=" + encode(email)))).containsExactlyInAnyOrder(pending, declined, paid);
        assertThat(ids(list("status=paid&limit=100"))).contains(paid, someoneElses).doesNotContain(pending, declined);
    }

    @Test
    void badQueryParametersAreEachReported() {
        HttpResponse<String> response = get("/orders?status=shipped&limit=0&cursor=bm9wZQ");

        assertThat(response.statusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
        assertThat(fields).containsExactlyInAnyOrder("status", "limit", "cursor");
        assertThat(get("/orders?limit=101").statusCode()).isEqualTo(422);
        assertThat(get("/orders?limit=abc").statusCode()).isEqualTo(422);
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = get("/orders?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(o -> o.get("id").stringValue()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
