package io.hookline.orders.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.orders.outbox.OutboxRecord;
import io.hookline.orders.outbox.OutboxRepository;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment request's W3C trace context travels with the event although the outbox relay publishes it later
 * on its own thread; the outbox meters move when an event is published.
 */
class TraceAndMetricsIntegrationTests extends ApiTestSupport {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    @Autowired
    OutboxRepository outbox;

    @Test
    void theEventOfAPaymentCarriesThePaymentRequestsTraceOnKafka() {
        String id = createOrder();

        assertThat(payWithTrace(id, TRACEPARENT).statusCode()).isEqualTo(200);

        OutboxRecord row = paidRow(id);
        assertThat(row.traceparent()).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(TRACEPARENT);
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            ConsumerRecord<String, String> record = events.awaitRecords(id, EventTypes.ORDER_PAID, 1).getFirst();
            String sent = header(record, EventHeaders.TRACEPARENT);
            assertThat(sent).as("same trace, a span of the relay's own").startsWith("00-" + TRACE_ID + "-")
                    .isNotEqualTo(row.traceparent()).endsWith("-01");
        }
    }

    @Test
    void aPaymentWithoutTraceContextStartsATraceOfItsOwn() {
        String id = createOrder();

        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);

        assertThat(paidRow(id).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                .doesNotContain(TRACE_ID);
    }

    @Test
    void publishingAnEventMovesTheOutboxMeters() {
        String before = get("/actuator/prometheus").body();
        double published = Prometheus.value(before, "hookline_outbox_published_total");
        double lagCount = Prometheus.value(before, "hookline_outbox_lag_seconds_count{type=\"order.paid\"}");

        String id = createOrder();
        assertThat(pay(id, "tok_visa").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> paidRow(id).publishedAt() != null);

        String after = get("/actuator/prometheus").body();
        assertThat(Prometheus.value(after, "hookline_outbox_published_total")).isGreaterThan(published);
        assertThat(Prometheus.value(after, "hookline_outbox_lag_seconds_count{type=\"order.paid\"}"))
                .isGreaterThan(lagCount);
        assertThat(after).contains("hookline_outbox_lag_seconds_bucket{type=\"order.paid\",le=",
                "hookline_outbox_oldest_unpublished_age_seconds", "hookline_outbox_unpublished");
    }

    private HttpResponse<String> payWithTrace(String orderId, String traceparent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders/" + orderId
                        + "/payment"))
                .header("Content-Type", JSON)
                .header("traceparent", traceparent)
                .header("Authorization", "Bearer " + CLIENT_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"payment_method\": \"tok_visa\"}"))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    /** The order's {@code order.paid} outbox row (its first row is {@code order.created}). */
    private OutboxRecord paidRow(String orderId) {
        return outbox.findByAggregateId(orderId).stream().filter(row -> row.eventType().equals(EventTypes.ORDER_PAID))
                .findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
