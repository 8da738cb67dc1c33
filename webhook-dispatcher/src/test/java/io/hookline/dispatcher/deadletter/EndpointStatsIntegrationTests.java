package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EndpointStatsIntegrationTests extends DeadLetterIntegrationTestSupport {

    @Test
    void countsAttemptsSuccessesAndWaitingDeadLettersForEveryEndpoint() {
        JsonNode before = stats("alpha");
        HttpResponse<String> created = admin("POST", "/endpoints",
                "{\"url\":\"" + webhooks.url("/stats-new") + "\",\"description\":\"new one\","
                        + "\"event_types\":[\"order.payment_failed\"]}");
        String createdId = json(created).get("id").asString();
        String orderId = newOrderId();

        deadLetteredAtAlpha(orderId);
        awaitOnlyDeadLetter(orderId, "dead");

        await().atMost(Duration.ofSeconds(10)).until(() -> stats("alpha").get("dead_letters").asLong()
                == before.get("dead_letters").asLong() + 1);
        JsonNode alpha = stats("alpha");
        assertThat(alpha.get("attempts").asLong()).isGreaterThanOrEqualTo(before.get("attempts").asLong() + 3);
        assertThat(alpha.get("succeeded").asLong()).isLessThanOrEqualTo(alpha.get("attempts").asLong());
        assertThat(alpha.get("success_rate").asDouble()).isBetween(0.0, 1.0)
                .isEqualTo((double) alpha.get("succeeded").asLong() / alpha.get("attempts").asLong());
        assertThat(alpha.get("source").asString()).isEqualTo("configuration");
        assertThat(alpha.get("url").asString()).isEqualTo(webhooks.url("/alpha"));
        assertThat(alpha.get("enabled").asBoolean()).isTrue();
        JsonNode omega = stats("omega");
        assertThat(omega.get("succeeded").asLong()).isPositive();
        JsonNode fresh = stats(createdId);
        assertThat(fresh.get("source").asString()).isEqualTo("api");
        assertThat(fresh.get("description").asString()).isEqualTo("new one");
        assertThat(fresh.get("attempts").asLong()).isZero();
        assertThat(fresh.get("success_rate").isNull()).isTrue();
        assertThat(fresh.get("dead_letters").asLong()).isZero();
        assertThat(admin("GET", "/endpoint-stats", null).body()).doesNotContain("secret", "whsec_");
        assertThat(json(admin("GET", "/endpoint-stats?window=PT1S", null)).get("data").size())
                .isEqualTo(json(admin("GET", "/endpoint-stats", null)).get("data").size());
    }

    private JsonNode stats(String endpointId) {
        return json(admin("GET", "/endpoint-stats?window=PT1H", null)).get("data").valueStream()
                .filter(entry -> entry.get("endpoint_id").asString().equals(endpointId)).findFirst().orElseThrow();
    }
}
