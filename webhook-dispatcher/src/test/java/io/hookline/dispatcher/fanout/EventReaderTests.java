package io.hookline.dispatcher.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventReaderTests {

    private static final String ORDER_PAID_DATA = """
            {"order_id":"ord_01HZX4K7Q9","customer_email":"ada@example.com","product_name":"Keyboard",\
            "quantity":2,"unit_price":"29.90","currency":"EUR","amount":"59.80","paid_at":"2026-03-01T10:00:00Z"}""";

    private final EventReader reader = new EventReader();

    @Test
    void buildsTheWebhookBodyFromTypeOccurredAtAndDataAsReceived() {
        UUID id = UUID.randomUUID();
        String json = "{\"id\":\"" + id + "\",\"type\":\"order.paid\",\"occurred_at\":\"2026-03-01T10:00:00.120Z\","
                + "\"data\":" + ORDER_PAID_DATA + "}";

        IncomingEvent event = reader.read(json);

        assertThat(event.id()).isEqualTo(id);
        assertThat(event.type()).isEqualTo("order.paid");
        assertThat(event.webhookBody()).isEqualTo(
                "{\"type\":\"order.paid\",\"timestamp\":\"2026-03-01T10:00:00.120Z\",\"data\":" + ORDER_PAID_DATA + "}");
    }

    @Test
    void passesTheDataOfUnknownTypesThroughUnchanged() {
        String data = "{\"ratio\":1.10,\"big\":123456789012345678901234567890,\"nested\":{\"list\":[1,\"a\",null,true]}}";
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"shipment.dispatched\","
                + "\"occurred_at\":\"2026-03-01T10:00:00Z\",\"data\":" + data + "}";

        String body = reader.read(json).webhookBody();

        assertThat(body).isEqualTo("{\"type\":\"shipment.dispatched\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"data\":"
                + data + "}");
    }

    @Test
    void readsAPlatformEventWithFieldsItsContractDoesNotNameAndPassesThemThrough() {
        String data = ORDER_PAID_DATA.replace("\"quantity\":2", "\"quantity\":2,\"gift_wrap\":true");
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"order.paid\",\"schema_hint\":\"v1\","
                + "\"occurred_at\":\"2026-03-01T10:00:00Z\",\"data\":" + data + "}";

        String body = reader.read(json).webhookBody();

        assertThat(body).contains("\"gift_wrap\":true");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> reader.read("not json {"))
                .withMessage("the value is not valid JSON");
        assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> reader.read("{} trailing"))
                .withMessage("the value is not valid JSON");
        assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> reader.read(null))
                .withMessage("the record has no value");
    }

    @Test
    void refusesEventsOffTheEnvelopeSchemaNamingEveryBadField() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"order.paid\","
                + "\"occurred_at\":\"2026-03-01T10:00:00Z\",\"data\":"
                + ORDER_PAID_DATA.replace("\"quantity\":2", "\"quantity\":0").replace("EUR", "euro") + "}";

        assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> reader.read(json))
                .withMessageStartingWith("the event breaks the envelope schema: ")
                .withMessageContaining("data.quantity")
                .withMessageContaining("data.currency");
    }

    @Test
    void refusesAnEnvelopeWithoutAnId() {
        String json = "{\"type\":\"order.paid\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"data\":" + ORDER_PAID_DATA + "}";

        assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> reader.read(json))
                .withMessageContaining("id");
    }
}
