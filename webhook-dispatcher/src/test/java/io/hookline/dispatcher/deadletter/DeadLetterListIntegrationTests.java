package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterListIntegrationTests extends DeadLetterIntegrationTestSupport {

    @Test
    void listsADeliveryThatExhaustedItsRetriesWithItsHeaders() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = deadLetteredAtAlpha(orderId);

        JsonNode dead = awaitOnlyDeadLetter(orderId, "dead");

        assertThat(dead.get("id").asString()).matches("dl_\\d+_\\d+");
        assertThat(dead.get("delivery_id").asString()).startsWith("dlv_");
        assertThat(dead.get("event_id").asString()).isEqualTo(event.id().toString());
        assertThat(dead.get("event_type").asString()).isEqualTo("order.paid");
        assertThat(dead.get("endpoint_id").asString()).isEqualTo("alpha");
        assertThat(dead.get("endpoint_url").asString()).isEqualTo(webhooks.url("/alpha"));
        assertThat(dead.get("target_url").isNull()).isTrue();
        assertThat(dead.get("order_id").asString()).isEqualTo(orderId);
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("last_status").asInt()).isEqualTo(500);
        assertThat(dead.get("last_error").asString()).isEqualTo("HTTP 500");
        assertThat(dead.get("reason").asString()).isEqualTo("not delivered after 3 attempts; last: HTTP 500");
        assertThat(dead.get("status").asString()).isEqualTo("dead");
        assertThat(dead.get("replay_of").isNull()).isTrue();
        assertThat(dead.get("replay").isNull()).isTrue();
        assertThat(dead.get("discard").isNull()).isTrue();
        Instant first = Instant.parse(dead.get("first_attempt_at").asString());
        Instant last = Instant.parse(dead.get("last_attempt_at").asString());
        assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Instant.parse(dead.get("dead_lettered_at").asString())).isAfterOrEqualTo(last);
        assertThat(webhooks.received("/omega", event.id())).hasSize(1);
        assertThat(list("/dead-letters?order_id=" + orderId).get("totals").get("matching").asInt()).isEqualTo(1);
    }

    @Test
    void filtersPagesNewestFirstAndCountsTotalsPerEndpointAcrossPages() {
        String type = newEventType("list");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        List<String> keys = new ArrayList<>();
        String[] endpoints = {"ep-a", "ep-a", "ep-b", "ep-a", "ep-b"};
        Integer[] statuses = {500, null, 503, 500, 500};
        for (int i = 0; i < 5; i++) {
            keys.add(newOrderId());
            produceDeadLetter(keys.get(i), type, endpoints[i], statuses[i], base.plus(Duration.ofMinutes(i)));
        }
        awaitListed(type, 5);
        String all = "/dead-letters?event_type=" + type;

        JsonNode first = list(all + "&limit=2");
        assertThat(orderIds(first)).containsExactly(keys.get(4), keys.get(3));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode second = list(all + "&limit=2&cursor=" + first.get("next_cursor").asString());
        assertThat(orderIds(second)).containsExactly(keys.get(2), keys.get(1));
        JsonNode third = list(all + "&limit=2&cursor=" + second.get("next_cursor").asString());
        assertThat(orderIds(third)).containsExactly(keys.get(0));
        assertThat(third.get("has_more").asBoolean()).isFalse();
        assertThat(third.get("next_cursor").isNull()).isTrue();
        for (JsonNode page : List.of(first, second, third)) {
            assertThat(page.get("totals").get("matching").asInt()).isEqualTo(5);
            assertThat(byEndpoint(page)).containsExactly("ep-a=3", "ep-b=2");
        }

        assertThat(orderIds(list(all + "&endpoint_id=ep-b"))).containsExactly(keys.get(4), keys.get(2));
        assertThat(orderIds(list(all + "&last_status=500"))).containsExactly(keys.get(4), keys.get(3), keys.get(0));
        assertThat(orderIds(list(all + "&last_status=none"))).containsExactly(keys.get(1));
        assertThat(orderIds(list(all + "&order_id=" + keys.get(3)))).containsExactly(keys.get(3));
        assertThat(orderIds(list(all + "&from=" + base.plus(Duration.ofMinutes(1)) + "&to="
                + base.plus(Duration.ofMinutes(3))))).containsExactly(keys.get(2), keys.get(1));
        assertThat(orderIds(list(all + "&status=dead"))).hasSize(5);
        assertThat(orderIds(list(all + "&status=discarded"))).isEmpty();
        JsonNode combined = list(all + "&endpoint_id=ep-a&last_status=500");
        assertThat(orderIds(combined)).containsExactly(keys.get(3), keys.get(0));
        assertThat(combined.get("totals").get("matching").asInt()).isEqualTo(2);
        assertThat(byEndpoint(combined)).containsExactly("ep-a=2");
    }

    @Test
    void refusesBadParametersWithEveryFieldListed() {
        HttpResponse<String> response = admin("GET", "/dead-letters?limit=0&last_status=abc&status=gone"
                + "&from=yesterday&cursor=xyz&colour=red", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://hookline.io/problems/validation");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("limit", "last_status", "status", "from", "cursor", "colour");
        assertThat(admin("GET", "/dead-letters?limit=201", null).statusCode()).isEqualTo(422);
        assertThat(admin("GET", "/dead-letters?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", null)
                .statusCode()).isEqualTo(422);
        assertThat(admin("GET", "/endpoint-stats?window=P31D", null).statusCode()).isEqualTo(422);
        assertThat(admin("GET", "/endpoint-stats?window=soon", null).statusCode()).isEqualTo(422);
    }

    @Test
    void refusesEveryCallWithoutTheAdminToken() {
        List<String[]> calls = List.of(new String[] {"GET", "/dead-letters"},
                new String[] {"GET", "/dead-letters/dl_0_0"}, new String[] {"POST", "/dead-letters/dl_0_0/replay"},
                new String[] {"POST", "/dead-letters/replay"}, new String[] {"POST", "/dead-letters/dl_0_0/discard"},
                new String[] {"POST", "/dead-letters/discard"}, new String[] {"GET", "/endpoint-stats"});
        for (String[] call : calls) {
            for (String authorization : new String[] {null, "Bearer wrong-token"}) {
                HttpResponse<String> response = call(call[0], call[1], call[0].equals("POST") ? "{}" : null,
                        authorization);
                assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
                assertThat(json(response).get("type").asString())
                        .isEqualTo("https://hookline.io/problems/unauthorized");
            }
        }
    }

    private static List<String> orderIds(JsonNode page) {
        return page.get("data").valueStream().map(dead -> dead.get("order_id").asString()).toList();
    }

    private static List<String> byEndpoint(JsonNode page) {
        return page.get("totals").get("by_endpoint").valueStream()
                .map(count -> count.get("endpoint_id").asString() + "=" + count.get("count").asInt()).toList();
    }
}
