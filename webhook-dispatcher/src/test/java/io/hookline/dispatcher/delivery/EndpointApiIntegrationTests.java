package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.signing.WebhookSecret;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The admin API for endpoints, against the running dispatcher and real deliveries. */
class EndpointApiIntegrationTests extends DispatcherIntegrationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EndpointDirectory directory;

    @Test
    void refusesEveryAdminCallWithoutTheAdminToken() {
        String path = "/only-with-token-" + UUID.randomUUID();
        String body = "{\"url\":\"" + webhooks.url(path) + "\"}";

        HttpResponse<String> anonymous = call("POST", "/endpoints", body, null);
        HttpResponse<String> wrongToken = call("GET", "/endpoints", null, "Bearer not-the-token");
        HttpResponse<String> attempts = call("GET", "/events/" + UUID.randomUUID() + "/attempts", null, null);

        for (HttpResponse<String> response : java.util.List.of(anonymous, wrongToken, attempts)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(json(response).get("type").asString()).isEqualTo("https://hookline.io/problems/unauthorized");
        }
        assertThat(admin("GET", "/endpoints", null).body()).doesNotContain(path);
    }

    @Test
    void createsAnEndpointShowsItsSecretOnceAndDeliversSignedWebhooksToIt() throws Exception {
        String path = "/created-" + UUID.randomUUID();

        HttpResponse<String> created = admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url(path)
                + "\",\"description\":\"shop\",\"event_types\":[\"order.paid\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode endpoint = json(created);
        String id = endpoint.get("id").asString();
        String secret = endpoint.get("secret").asString();
        assertThat(id).startsWith("ep_");
        assertThat(created.headers().firstValue("Location")).hasValue("/endpoints/" + id);
        assertThat(secret).startsWith("whsec_");
        assertThat(endpoint.get("event_types").get(0).asString()).isEqualTo("order.paid");
        JsonNode fetched = json(admin("GET", "/endpoints/" + id, null));
        assertThat(fetched.has("secret")).isFalse();
        assertThat(fetched.get("description").asString()).isEqualTo("shop");
        assertThat(admin("GET", "/endpoints", null).body()).contains(id).doesNotContain(secret);
        assertThat(json(admin("GET", "/endpoints/" + id + "/secret", null)).get("secret").asString()).isEqualTo(secret);

        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 1);
        RecordingWebhookServer.ReceivedRequest request = webhooks.received(path, event.id()).getFirst();
        new Webhook(secret).verify(request.bodyText(), request.headerLists());
        await().atMost(Duration.ofSeconds(5)).until(() -> json(admin("GET", "/endpoints/" + id + "/attempts", null))
                .get("data").valueStream().anyMatch(attempt -> attempt.get("event_id").asString()
                        .equals(event.id().toString()) && attempt.get("succeeded").asBoolean()));
    }

    @Test
    void signsWithBothSecretsDuringARotationAndDropsTheOldOneAfterTheOverlap() throws Exception {
        String path = "/rotating-" + UUID.randomUUID();
        JsonNode endpoint = json(admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url(path) + "\"}"));
        String id = endpoint.get("id").asString();
        String first = endpoint.get("secret").asString();

        JsonNode rotation = json(admin("POST", "/endpoints/" + id + "/rotate-secret", "{\"overlap_seconds\":3600}"));
        String second = rotation.get("secret").asString();
        RecordingWebhookServer.ReceivedRequest during = deliverOneTo(path);

        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(first).verify(during.bodyText(), during.headerLists());
        new Webhook(second).verify(during.bodyText(), during.headerLists());

        String third = json(admin("POST", "/endpoints/" + id + "/rotate-secret", "{\"overlap_seconds\":0}"))
                .get("secret").asString();
        RecordingWebhookServer.ReceivedRequest after = deliverOneTo(path);

        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(third).verify(after.bodyText(), after.headerLists());
        assertThatExceptionOfType(WebhookVerificationException.class)
                .isThrownBy(() -> new Webhook(second).verify(after.bodyText(), after.headerLists()));
        assertThatExceptionOfType(WebhookVerificationException.class)
                .isThrownBy(() -> new Webhook(first).verify(after.bodyText(), after.headerLists()));
    }

    @Test
    void refusesAnInvalidEndpointListingEveryProblemAndStoresNothing() {
        HttpResponse<String> response = admin("POST", "/endpoints",
                "{\"url\":\"ftp://files.example.com/hook\",\"event_types\":[\"order.shipped\"]}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://hookline.io/problems/validation");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("url", "event_types");
        assertThat(admin("GET", "/endpoints", null).body()).doesNotContain("files.example.com");
    }

    @Test
    void stopsDeliveringToADisabledEndpointAndForgetsADeletedOne() {
        String path = "/disabled-" + UUID.randomUUID();
        String id = json(admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url(path) + "\"}")).get("id").asString();

        HttpResponse<String> disabled = admin("POST", "/endpoints/" + id + "/disable", null);
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        RecordMetadata published = publish(event, orderId);

        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/beta", event.id()).size() == 1);
        assertThat(fannedOutTo(published, event.id())).contains("alpha", "beta").doesNotContain(id);
        assertThat(admin("DELETE", "/endpoints/" + id, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = admin("GET", "/endpoints/" + id, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("type").asString()).isEqualTo("https://hookline.io/problems/not-found");
    }

    @Test
    void seesAnEndpointAnotherInstanceCreatedWithinASecond() {
        String id = "ep_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        OffsetDateTime now = OffsetDateTime.now();

        jdbc.sql("insert into endpoints (id, url, description, event_types, enabled, created_at, updated_at) "
                + "values (?, ?, '', 'order.paid', true, ?, ?)").params(id, webhooks.url("/other"), now, now).update();
        jdbc.sql("insert into endpoint_secrets (endpoint_id, secret, created_at) values (?, ?, ?)")
                .params(id, WebhookSecret.generate(new SecureRandom()).encoded(), now).update();

        await().atMost(Duration.ofSeconds(1)).until(() -> directory.find(id).isPresent());
        assertThat(directory.subscribersOf("order.paid")).extracting(e -> e.id()).contains(id);
        jdbc.sql("update endpoints set enabled = false where id = ?").param(id).update();
        await().atMost(Duration.ofSeconds(1)).until(() -> !directory.find(id).orElseThrow().enabled());
    }

    private RecordingWebhookServer.ReceivedRequest deliverOneTo(String path) {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        publish(event, orderId);
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 1);
        return webhooks.received(path, event.id()).getFirst();
    }
}
