package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterDiscardIntegrationTests extends DeadLetterIntegrationTestSupport {

    @Test
    void discardsOneWithWhoWhenAndWhyAndLeavesADiscardedOneAlone() {
        String type = newEventType("discard");
        produceDeadLetter(newOrderId(), type, "alpha", 500, Instant.now());
        String id = awaitListed(type, 1).get("data").get(0).get("id").asString();
        Instant before = Instant.now();

        HttpResponse<String> response = admin("POST", "/dead-letters/" + id + "/discard",
                "{\"operator\":\"ops@example.com\",\"reason\":\"customer refunded\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discarded = json(response);
        assertThat(discarded.get("status").asString()).isEqualTo("discarded");
        assertThat(discarded.get("discard").get("by").asString()).isEqualTo("ops@example.com");
        assertThat(discarded.get("discard").get("reason").asString()).isEqualTo("customer refunded");
        assertThat(Instant.parse(discarded.get("discard").get("at").asString()))
                .isBetween(before.minusSeconds(1), Instant.now());
        HttpResponse<String> again = admin("POST", "/dead-letters/" + id + "/discard",
                "{\"operator\":\"someone-else\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("discard")).isEqualTo(discarded.get("discard"));
        assertThat(list("/dead-letters?status=discarded&event_type=" + type).get("data").size()).isEqualTo(1);
    }

    @Test
    void refusesToDiscardAReplayedDeadLetter() {
        String type = newEventType("discard_replayed");
        produceDeadLetter(newOrderId(), type, "omega", 500, Instant.now());
        String id = awaitListed(type, 1).get("data").get(0).get("id").asString();
        assertThat(admin("POST", "/dead-letters/" + id + "/replay", null).statusCode()).isEqualTo(202);

        HttpResponse<String> response = admin("POST", "/dead-letters/" + id + "/discard", null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("type").asString()).isEqualTo("https://hookline.io/problems/conflict");
        assertThat(json(admin("GET", "/dead-letters/" + id, null)).get("discard").isNull()).isTrue();
    }

    @Test
    void discardsEveryMatchingDeadLetterInBulk() {
        String type = newEventType("bulk_discard");
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            produceDeadLetter(newOrderId(), type, i == 0 ? "ep-x" : "ep-y", 500, now.plusMillis(i));
        }
        awaitListed(type, 3);

        HttpResponse<String> response = admin("POST", "/dead-letters/discard",
                "{\"event_type\":\"" + type + "\",\"endpoint_id\":\"ep-y\",\"operator\":\"ops\",\"reason\":\"bulk\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("discarded").asInt()).isEqualTo(2);
        JsonNode discarded = list("/dead-letters?status=discarded&event_type=" + type);
        assertThat(discarded.get("data").valueStream().map(d -> d.get("discard").get("by").asString() + "/"
                + d.get("discard").get("reason").asString())).containsExactly("ops/bulk", "ops/bulk");
        assertThat(list("/dead-letters?status=dead&event_type=" + type).get("data").get(0).get("endpoint_id")
                .asString()).isEqualTo("ep-x");
    }

    @Test
    void refusesABadBulkRequestAndChangesNothing() {
        String type = newEventType("bad_bulk");
        produceDeadLetter(newOrderId(), type, "alpha", 500, Instant.now());
        awaitListed(type, 1);

        for (String path : new String[] {"/dead-letters/discard", "/dead-letters/replay"}) {
            assertThat(admin("POST", path, "{}").statusCode()).as(path).isEqualTo(422);
            HttpResponse<String> misspelt = admin("POST", path, "{\"event_typ\":\"" + type + "\"}");
            assertThat(misspelt.statusCode()).isEqualTo(422);
            assertThat(json(misspelt).get("errors").get(0).get("field").asString()).isEqualTo("event_typ");
            HttpResponse<String> invalid = admin("POST", path, "{\"event_type\":\"" + type
                    + "\",\"last_status\":\"abc\",\"from\":\"now\",\"operator\":\"" + "x".repeat(101) + "\"}");
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(json(invalid).get("errors").valueStream().map(e -> e.get("field").asString()))
                    .containsExactlyInAnyOrder("last_status", "from", "operator");
            assertThat(admin("POST", path, "{\"event_type\":").statusCode()).isEqualTo(400);
        }
        HttpResponse<String> single = admin("POST", "/dead-letters/" + list("/dead-letters?event_type=" + type)
                .get("data").get(0).get("id").asString() + "/discard", "{\"operator\":\"\"}");
        assertThat(single.statusCode()).isEqualTo(422);
        assertThat(list("/dead-letters?status=dead&event_type=" + type).get("data").size()).isEqualTo(1);
    }
}
