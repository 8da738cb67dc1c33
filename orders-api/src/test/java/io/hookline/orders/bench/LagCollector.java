package io.hookline.orders.bench;

import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code orders.events} on its own thread and remembers, per order, the lag of its {@code order.paid}
 * record: the broker's append time (the topic uses {@code LogAppendTime}) minus the event's {@code occurred_at}.
 */
final class LagCollector implements AutoCloseable {

    private static final Pattern OCCURRED = Pattern.compile("\"occurred_at\":\"([^\"]+)\"");

    private final Map<String, Long> lagMillis = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    LagCollector(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "orders-bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(Set.of(Topics.ORDERS_EVENTS));
        thread = Thread.ofPlatform().name("lag-collector").start(this::poll);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
                if (type == null || !EventTypes.ORDER_PAID.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                    continue; // order.created (and any other type) is not what the benchmark measures
                }
                Matcher occurred = OCCURRED.matcher(record.value());
                if (occurred.find()) {
                    long lag = record.timestamp() - Instant.parse(occurred.group(1)).toEpochMilli();
                    lagMillis.put(record.key(), lag);
                }
            }
        }
        consumer.close();
    }

    /** Waits until every order's event arrived (or the timeout); returns their lags in microseconds. */
    long[] await(Set<String> orders, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!lagMillis.keySet().containsAll(orders) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long missing = orders.stream().filter(o -> !lagMillis.containsKey(o)).count();
        if (missing > 0) {
            System.out.println("WARNING: " + missing + " order.paid events did not arrive within " + timeout);
        }
        return orders.stream().filter(lagMillis::containsKey).mapToLong(o -> lagMillis.get(o) * 1000).toArray();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
