package io.hookline.orders.order;

import static io.hookline.orders.OrderEventsProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.orders.outbox.OutboxRecord;
import io.hookline.orders.outbox.OutboxRepository;
import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every {@code POST /orders} commits an {@code order.created} event with the order, and it reaches Kafka. */
class OrderCreatedEventIntegrationTests extends ApiTestSupport {

    private static final ContractValidator contracts = new ContractValidator();
    private static OrderEventsProbe events;

    @Autowired
    OutboxRepository outbox;

    @BeforeAll
    static void openProbe() {
        events = new OrderEventsProbe();
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void eachNewOrderIsPublishedAsAnOrderCreatedEventWithItsFields() {
        TestClient shop = createClient("[\"read\", \"write\"]");
        String email = uniqueEmail();
        HttpResponse<String> created = postAs(shop.key(), "/orders", orderJson(email));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json(created);
        String id = order.get("id").stringValue();

        ConsumerRecord<String, String> record = events.awaitRecords(id, EventTypes.ORDER_CREATED, 1).getFirst();

        assertThat(record.key()).isEqualTo(id);
        assertThat(contracts.validate(ContractSchema.EVENT_ENVELOPE, record.value())).isEmpty();
        JsonNode envelope = mapper.readTree(record.value());
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.get("id").stringValue());
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(EventTypes.ORDER_CREATED);
        assertThat(header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1").isEqualTo(String.valueOf(
                EventCatalog.platform().latest(EventTypes.ORDER_CREATED).orElseThrow().version()));
        assertThat(header(record, EventHeaders.CLIENT_ID)).isEqualTo(shop.id());
        assertThat(envelope.get("type").stringValue()).isEqualTo(EventTypes.ORDER_CREATED);
        assertThat(envelope.get("occurred_at").stringValue()).isEqualTo(order.get("created_at").stringValue());
        JsonNode data = envelope.get("data");
        assertThat(data.get("order_id").stringValue()).isEqualTo(id);
        assertThat(data.get("customer_email").stringValue()).isEqualTo(email);
        assertThat(data.get("product_name").stringValue()).isEqualTo("Mechanical keyboard");
        assertThat(data.get("quantity").intValue()).isEqualTo(2);
        assertThat(data.get("unit_price").stringValue()).isEqualTo("29.99");
        assertThat(data.get("currency").stringValue()).isEqualTo("USD");
        assertThat(data.get("amount").stringValue()).isEqualTo("59.98");
        assertThat(data.get("created_at").stringValue()).isEqualTo(order.get("created_at").stringValue());
        assertThat(data.get("callback_url").stringValue()).isEqualTo("https://shop.example.com/hooks/1");
    }

    @Test
    void anOrderWithoutCallbackUrlHasNoneInItsEvent() {
        HttpResponse<String> created = post("/orders", JSON, """
                {"customer_email": "%s", "product_name": "Desk lamp", "quantity": 1, "unit_price": "100",
                 "currency": "JPY"}""".formatted(uniqueEmail()));
        String id = json(created).get("id").stringValue();

        JsonNode data = mapper.readTree(events.awaitRecords(id, EventTypes.ORDER_CREATED, 1).getFirst().value())
                .get("data");

        assertThat(data.has("callback_url")).isFalse();
        assertThat(data.get("amount").stringValue()).isEqualTo("100");
        assertThat(data.get("currency").stringValue()).isEqualTo("JPY");
    }

    @Test
    void everyPostGetsItsOwnEventAndAnIdempotentReplayNone() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        List<String> ids = List.of(createOrder(email), createOrder(email),
                json(postWithKey("/orders", key, orderJson(email))).get("id").stringValue());

        HttpResponse<String> replay = postWithKey("/orders", key, orderJson(email));

        assertThat(json(replay).get("id").stringValue()).isEqualTo(ids.get(2));
        for (String id : ids) {
            assertThat(outbox.findByAggregateId(id)).extracting(OutboxRecord::eventType)
                    .containsExactly(EventTypes.ORDER_CREATED);
            assertThat(events.awaitRecords(id, 1)).hasSize(1);
        }
        assertThat(events.readToEnd(ids.get(2))).hasSize(1);
    }
}
