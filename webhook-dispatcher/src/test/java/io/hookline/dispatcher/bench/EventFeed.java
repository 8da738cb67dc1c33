package io.hookline.dispatcher.bench;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Produces valid {@code order.paid} events as the orders API does (key = order id, acks=all, idempotent)
 * and remembers each event's send time (nanoTime just before the send) for latency. Not thread-safe.
 */
final class EventFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();

    EventFeed(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    Map<String, Long> sentNanos() {
        return sentNanos;
    }

    /** Sends {@code count} events as fast as the producer takes them and waits for every acknowledgement. */
    void burst(String topic, int count) {
        for (int i = 0; i < count; i++) {
            send(topic);
        }
        producer.flush();
    }

    /** Sends at a steady {@code perSecond} for {@code seconds} (open loop: the schedule does not wait for anyone). */
    void steady(String topic, int perSecond, int seconds) {
        paced(topic, perSecond, (long) perSecond * seconds);
    }

    /** Sends {@code total} events at a steady {@code perSecond} (open loop) and waits for every acknowledgement. */
    void paced(String topic, int perSecond, long total) {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(topic);
        }
        producer.flush();
    }

    private void send(String topic) {
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OrderPaid data = new OrderPaid(orderId, "ada@example.com", "Mechanical keyboard", 2, new BigDecimal("29.99"),
                "EUR", new BigDecimal("59.98"), now, null);
        EventEnvelope<OrderPaid> event = new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PAID, now, data);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, orderId, json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, EventTypes.ORDER_PAID.getBytes(StandardCharsets.UTF_8));
        sentNanos.put(event.id().toString(), System.nanoTime());
        producer.send(record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
