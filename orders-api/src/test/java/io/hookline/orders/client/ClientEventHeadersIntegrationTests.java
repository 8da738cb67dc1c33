package io.hookline.orders.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import io.hookline.orders.OrderEventsProbe;
import io.hookline.schemas.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The events of a client's order carry the client and its callback key versions to the dispatcher. */
class ClientEventHeadersIntegrationTests extends ApiTestSupport {

    @Test
    void eventsCarryTheClientAndItsVersionsAndBothVersionsDuringARotationsGrace() {
        TestClient shop = createClient("[\"read\", \"write\"]");
        String before = createOrderAs(shop.key(), uniqueEmail());
        String after = createOrderAs(shop.key(), uniqueEmail());

        assertThat(postAs(shop.key(), "/orders/" + before + "/payment", "{\"payment_method\": \"tok_declined\"}")
                .statusCode()).isEqualTo(402);
        assertThat(postAs(ADMIN_KEY, "/clients/" + shop.id() + "/rotate-callback-secret", "").statusCode())
                .isEqualTo(200);
        assertThat(postAs(shop.key(), "/orders/" + after + "/payment", "{\"payment_method\": \"tok_visa\"}")
                .statusCode()).isEqualTo(200);

        try (OrderEventsProbe events = new OrderEventsProbe()) {
            ConsumerRecord<String, String> declined = events.awaitRecords(before, "order.payment_failed", 1).getFirst();
            assertThat(header(declined, EventHeaders.EVENT_TYPE)).isEqualTo("order.payment_failed");
            assertThat(header(declined, EventHeaders.CLIENT_ID)).isEqualTo(shop.id());
            assertThat(header(declined, EventHeaders.CALLBACK_KEY_VERSIONS)).isEqualTo("1");

            ConsumerRecord<String, String> paid = events.awaitRecords(after, "order.paid", 1).getFirst();
            assertThat(header(paid, EventHeaders.EVENT_TYPE)).isEqualTo("order.paid");
            assertThat(header(paid, EventHeaders.CLIENT_ID)).isEqualTo(shop.id());
            assertThat(header(paid, EventHeaders.CALLBACK_KEY_VERSIONS)).isEqualTo("2,1");
        }
    }

    @Test
    void anOrderOfTheAdminKeyHasNoClientHeaders() {
        String id = createOrderAs(ADMIN_KEY, uniqueEmail());

        assertThat(postAs(ADMIN_KEY, "/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}")
                .statusCode()).isEqualTo(200);

        try (OrderEventsProbe events = new OrderEventsProbe()) {
            List<ConsumerRecord<String, String>> records = events.awaitRecords(id, "order.paid", 1);
            assertThat(header(records.getFirst(), EventHeaders.EVENT_TYPE)).isEqualTo("order.paid");
            assertThat(records.getFirst().headers().lastHeader(EventHeaders.CLIENT_ID)).isNull();
            assertThat(records.getFirst().headers().lastHeader(EventHeaders.CALLBACK_KEY_VERSIONS)).isNull();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
