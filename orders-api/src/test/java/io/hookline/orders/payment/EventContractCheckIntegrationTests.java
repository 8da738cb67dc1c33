package io.hookline.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.outbox.EventSerializer;
import io.hookline.orders.outbox.OutboxRecord;
import io.hookline.orders.outbox.OutboxRepository;
import io.hookline.schemas.events.EventEnvelope;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event that breaks its schema never enters the outbox: with a serialiser that writes a bad
 * {@code customer_email} into the event (a bug in an event builder), paying answers 500 and stores nothing, and so
 * does creating an order whose {@code order.created} is broken.
 */
@Import(EventContractCheckIntegrationTests.CorruptingSerializer.class)
class EventContractCheckIntegrationTests extends ApiTestSupport {

    private static final String BROKEN = "Broken create";

    @Autowired
    OutboxRepository outbox;

    @Test
    void aPaymentWhoseEventBreaksTheContractIsA500AndStoresNothing() {
        String id = createOrder(uniqueEmail());
        String key = "contract-" + UUID.randomUUID();

        HttpResponse<String> paid = postWithKey("/orders/" + id + "/payment", key, "{\"payment_method\": \"tok_visa\"}");

        assertThat(paid.statusCode()).isEqualTo(500);
        assertThat(paid.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(paid).get("type").stringValue()).isEqualTo("https://hookline.io/problems/internal-error");
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
        assertThat(outbox.findByAggregateId(id)).extracting(OutboxRecord::eventType).containsExactly("order.created");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = :key").param("key", key)
                .query(Long.class).single()).as("the key is released, not answered with the 500").isZero();
    }

    @Test
    void aDeclineWhoseEventBreaksTheContractIsA500AndStoresNothing() {
        String id = createOrder(uniqueEmail());

        HttpResponse<String> declined = pay(id, "tok_declined");

        assertThat(declined.statusCode()).isEqualTo(500);
        assertThat(json(get("/orders/" + id)).get("status").stringValue()).isEqualTo("pending_payment");
        assertThat(outbox.findByAggregateId(id)).extracting(OutboxRecord::eventType).containsExactly("order.created");
    }

    @Test
    void anOrderWhoseCreatedEventBreaksTheContractIsA500AndStoresNothing() {
        String email = uniqueEmail();
        long outboxRows = count("outbox_event");

        HttpResponse<String> created = post("/orders", JSON, orderJson(email).replace("Mechanical keyboard", BROKEN));

        assertThat(created.statusCode()).isEqualTo(500);
        assertThat(json(created).get("type").stringValue()).isEqualTo("https://hookline.io/problems/internal-error");
        assertThat(json(get("/orders?customer_email=" + email)).get("data").isEmpty()).isTrue();
        assertThat(count("outbox_event")).isEqualTo(outboxRows);
    }

    /**
     * Writes every event as the real serialiser does, then breaks its {@code data.customer_email}; an
     * {@code order.created} only when the product is {@link #BROKEN}, so that the payment tests can create orders.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class CorruptingSerializer {

        @Bean
        @Primary
        EventSerializer corruptingEventSerializer(JsonMapper mapper) {
            return new EventSerializer(mapper) {
                @Override
                public String serialize(EventEnvelope<?> envelope) {
                    ObjectNode event = (ObjectNode) mapper.readTree(super.serialize(envelope));
                    if (envelope.type().equals("order.created")
                            && !event.get("data").get("product_name").stringValue().equals(BROKEN)) {
                        return mapper.writeValueAsString(event);
                    }
                    ((ObjectNode) event.get("data")).put("customer_email", "ada at example.com");
                    return mapper.writeValueAsString(event);
                }
            };
        }
    }
}
