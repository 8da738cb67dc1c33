package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.hookline.support.metrics.RefreshingConsumerMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import tools.jackson.databind.JsonNode;

/**
 * The order's trace reaches every webhook request, retries included; the delivery meters and the consumers'
 * lag are on {@code /actuator/prometheus}; readiness covers Kafka and the database.
 */
class ObservabilityIntegrationTests extends DispatcherIntegrationTestSupport {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    @Autowired
    DefaultKafkaConsumerFactory<?, ?> consumerFactory;

    @Test
    void everyAttemptOfADeliveryCarriesTheEventsTraceThroughTheRetryTopic() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 503, 200);

        publishTraced(event, orderId, TRACEPARENT);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", event.id()).size() == 2);
        List<String> sent = webhooks.received("/alpha", event.id()).stream()
                .map(request -> request.header("traceparent")).toList();
        assertThat(sent).allSatisfy(traceparent -> assertThat(traceparent)
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[1-3]").isNotEqualTo(TRACEPARENT));
        assertThat(sent).as("a span of its own per attempt").doesNotHaveDuplicates();
    }

    @Test
    void aDeliveryMovesTheOutcomeAttemptAndRetryMeters() {
        String before = prometheus();
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 500, 200);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", event.id()).size() == 2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String after = prometheus();
            assertMoved(before, after, "hookline_deliveries_total{endpoint=\"alpha\",outcome=\"delivered\"}");
            assertMoved(before, after, "hookline_deliveries_total{endpoint=\"alpha\",outcome=\"failed\"}");
            assertMoved(before, after, "hookline_delivery_retries_total{reason=\"failed\",step=\"1\"}");
            assertMoved(before, after, "hookline_delivery_attempt_seconds_count{endpoint=\"alpha\",result=\"delivered\"}");
            assertThat(after).contains("hookline_delivery_attempt_seconds_bucket{endpoint=\"alpha\",result=\"failed\",le=");
        });
    }

    @Test
    void theLagOfTheFanOutAndOfTheDeliveryEngineConsumersIsExported() {
        publish(orderPaid(newOrderId()), newOrderId());

        assertThat(consumerFactory.getListeners()).as("one metrics binder, the refreshing one")
                .filteredOn(MicrometerConsumerListener.class::isInstance).singleElement()
                .isInstanceOf(RefreshingConsumerMetrics.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"" + Pattern.quote(topics.events())
                        + "\"[^}]*} ")
                .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\""
                        + Pattern.quote(topics.deliveries()) + "\"[^}]*} ")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*} "));
    }

    @Test
    void readinessIncludesKafkaAndTheDatabase() {
        JsonNode readiness = json(call("GET", "/actuator/health/readiness", null, null));

        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).contains("db", "kafka");
        assertThat(json(call("GET", "/actuator/health/liveness", null, null)).get("status").asString())
                .isEqualTo("UP");
    }

    private void publishTraced(EventEnvelope<?> event, String orderId, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), orderId,
                jsonMapper.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(record).join();
    }

    private String prometheus() {
        return call("GET", "/actuator/prometheus", null, null).body();
    }

    private static void assertMoved(String before, String after, String series) {
        assertThat(value(after, series)).as(series).isGreaterThan(value(before, series));
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + "\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
