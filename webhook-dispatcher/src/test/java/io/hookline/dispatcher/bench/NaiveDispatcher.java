package io.hookline.dispatcher.bench;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.schemas.signing.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The baseline the issue names: one blocking listener thread per partition (like a {@code @KafkaListener} with
 * {@code concurrency = partitions}) that POSTs each record, signed, to every endpoint in turn with a blocking
 * client and waits for the answer (same 10 s budget as the dispatcher) before the next; offsets are
 * committed after each poll. No retries: a failed POST is only counted, which flatters the baseline.
 */
final class NaiveDispatcher implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    NaiveDispatcher(String bootstrapServers, String topic, String group, int threadCount, List<String> urls,
            WebhookSecret secret) {
        for (int i = 0; i < threadCount; i++) {
            threads.add(Thread.ofPlatform().name("naive-" + i).start(() -> run(bootstrapServers, topic, group, urls,
                    secret)));
        }
    }

    private void run(String bootstrapServers, String topic, String group, List<String> urls, WebhookSecret secret) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
             HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    for (String url : urls) {
                        post(client, url, eventId(record), record.value(), secret);
                    }
                }
                consumer.commitSync();
            }
        }
    }

    private static void post(HttpClient client, String url, String id, String body, WebhookSecret secret) {
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(List.of(secret), id, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception failed) {
            // counted as a failed attempt; the baseline does not retry
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("event_id");
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
