package io.hookline.dispatcher.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.hookline.dispatcher.catalog.EventTypeRegistry;
import io.hookline.dispatcher.delivery.CallbackProperties;
import io.hookline.dispatcher.delivery.CallbackSigning;
import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryMetrics;
import io.hookline.dispatcher.delivery.DeliveryRouting;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.dispatcher.endpoint.UrlPolicy;
import io.hookline.support.tracing.TraceHandoff;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * {@link FanOut} alone (its collaborators mocked, the event reader real): a record whose fan-out throws unexpectedly
 * becomes one dead letter on {@code orders.events.dlt} with the reason, beside the other records of the batch.
 */
class FanOutTests {

    private static final String ORDER_PAID = """
            {"id":"%s","type":"order.paid","occurred_at":"2026-03-01T10:00:00Z","data":{"order_id":"ord_01HZX4K7Q9",\
            "customer_email":"ada@example.com","product_name":"Keyboard","quantity":2,"unit_price":"29.90",\
            "currency":"EUR","amount":"59.80","paid_at":"2026-03-01T10:00:00Z"}}""";

    @Test
    void aRecordWhoseFanOutThrowsIsDeadLetteredWithTheReasonAndTheBatchGoesOn() {
        EndpointDirectory directory = mock(EndpointDirectory.class);
        when(directory.subscribersOf(anyString())).thenThrow(new IllegalStateException("a bug"));
        FanOutSends sends = mock(FanOutSends.class);
        doNothing().when(sends).produce(any());
        TraceHandoff traces = mock(TraceHandoff.class);
        when(traces.resume(any(), eq("fan-out"))).thenAnswer(invocation -> mock(TraceHandoff.Scope.class));
        DeliveryTopicsProperties topics = new DeliveryTopicsProperties("orders.events", "orders.events.dlt",
                "webhooks.deliveries", 3, (short) 1);
        FanOut fanOut = new FanOut(new EventReader(), directory, sends, topics,
                mock(UrlPolicy.class), new CallbackSigning(new CallbackProperties("")), mock(DeliveryRouting.class), traces,
                mock(DeliveryMetrics.class), mock(EventTypeRegistry.class));

        fanOut.fanOut(List.of(record(0, ORDER_PAID.formatted(UUID.randomUUID())), record(1, "not json")));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<FanOutSends.Planned>> batch = ArgumentCaptor.forClass(List.class);
        verify(sends).produce(batch.capture());
        assertThat(batch.getValue()).hasSize(2);
        ProducerRecord<String, String> failed = batch.getValue().get(0).records().getFirst();
        assertThat(batch.getValue().get(0).records()).hasSize(1);
        assertThat(failed.topic()).isEqualTo("orders.events.dlt");
        assertThat(header(failed, DeliveryHeaders.DLT_REASON)).isEqualTo("fan-out error: IllegalStateException");
        assertThat(header(failed, DeliveryHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo("0");
        assertThat(failed.value()).isEqualTo(batch.getValue().get(0).source().value());
        ProducerRecord<String, String> poison = batch.getValue().get(1).records().getFirst();
        assertThat(header(poison, DeliveryHeaders.DLT_REASON)).startsWith("poison: ");
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>("orders.events", 0, offset, "ord_01HZX4K7Q9", value);
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
