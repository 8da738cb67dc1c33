package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.signing.WebhookHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event-type catalog over real HTTP ({@code GET /event-types}), subscriptions checked against it, and the
 * contract version of each event sent as {@code webhook-event-version}.
 */
class EventCatalogIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void listsEveryTypeWithVersionDescriptionSchemaAndExampleForAdminsOnly() {
        HttpResponse<String> anonymous = call("GET", "/event-types", null, null);
        HttpResponse<String> listed = admin("GET", "/event-types", null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(listed.statusCode()).isEqualTo(200);
        List<JsonNode> types = json(listed).get("data").valueStream().toList();
        assertThat(types).extracting(type -> type.get("name").asString()).contains(EventTypes.ORDER_CREATED,
                EventTypes.ORDER_PAID, EventTypes.ORDER_PAYMENT_FAILED, EventTypes.ORDER_CANCELLED,
                EventTypes.ORDER_REFUNDED, EventTypes.ENDPOINT_DISABLED);
        JsonNode cancelled = types.stream().filter(t -> t.get("name").asString().equals(EventTypes.ORDER_CANCELLED))
                .findFirst().orElseThrow();
        assertThat(cancelled.get("version").asInt()).isEqualTo(1);
        assertThat(cancelled.get("deliverable").asBoolean()).isTrue();
        assertThat(cancelled.get("topic").asString()).isEqualTo("orders.events");
        assertThat(cancelled.get("description").asString()).isNotBlank();
        assertThat(cancelled.get("schema").get("properties").has("cancellation_reason")).isTrue();
        assertThat(cancelled.get("example").get("data").get("cancellation_reason").asString()).isNotBlank();
    }

    @Test
    void showsOneTypeAndAnswers404ProblemForAnUnknownOne() {
        HttpResponse<String> refunded = admin("GET", "/event-types/" + EventTypes.ORDER_REFUNDED, null);
        HttpResponse<String> unknown = admin("GET", "/event-types/order.shipped", null);

        assertThat(refunded.statusCode()).isEqualTo(200);
        assertThat(json(refunded).get("schema").get("properties").has("refund_id")).isTrue();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(unknown).get("detail").asString()).contains("order.shipped");
    }

    @Test
    void endpointsSubscribeOnlyToDeliverableTypesOfTheCatalog() {
        HttpResponse<String> refunds = admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url("/refunds-"
                + UUID.randomUUID()) + "\",\"event_types\":[\"order.refunded\",\"order.cancelled\"]}");
        HttpResponse<String> unknown = admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url("/x")
                + "\",\"event_types\":[\"order.paid\",\"order.shipped\"]}");
        HttpResponse<String> operational = admin("POST", "/endpoints", "{\"url\":\"" + webhooks.url("/y")
                + "\",\"event_types\":[\"endpoint.disabled\"]}");

        assertThat(refunds.statusCode()).isEqualTo(201);
        assertThat(admin("DELETE", "/endpoints/" + json(refunds).get("id").asString(), null).statusCode())
                .isEqualTo(204);
        for (HttpResponse<String> refused : List.of(unknown, operational)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("event_types");
            assertThat(json(refused).get("errors").get(0).get("message").asString()).contains("GET /event-types");
        }
    }

    @Test
    void everyWebhookCarriesItsEventsContractVersionAndAProducersStatedVersionWins() {
        EventEnvelope<OrderPaid> implicit = orderPaid(newOrderId());
        EventEnvelope<OrderPaid> stated = orderPaid(newOrderId());

        publish(implicit, implicit.data().orderId());
        publish(stated, stated.data().orderId(), Map.of(EventHeaders.EVENT_VERSION, "2"));

        assertThat(awaitRequest("/alpha", implicit.id()).header(WebhookHeaders.EVENT_VERSION)).isEqualTo("1");
        assertThat(awaitRequest("/alpha", stated.id()).header(WebhookHeaders.EVENT_VERSION)).isEqualTo("2");
    }

    private static RecordingWebhookServer.ReceivedRequest awaitRequest(String path, UUID eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.received(path, eventId),
                list -> !list.isEmpty()).get(0);
    }
}
