package io.hookline.dispatcher.bench.springalt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alternative's fan-out: a batch {@code @KafkaListener} on the events topic that writes one delivery
 * record (the Standard Webhooks body {@code {"type", "timestamp", "data"}}, headers {@code webhook_id} and
 * {@code endpoint}) per event and endpoint, and returns once every send is acknowledged ({@code acks=all}),
 * so the container commits the batch only behind durable deliveries (as the engine's fan-out does).
 */
class AlternativeFanOut {

    static final String WEBHOOK_ID = "webhook_id";
    static final String ENDPOINT = "endpoint";

    private final SpringAlternativeSettings settings;
    private final KafkaTemplate<String, String> template;
    private final JsonMapper json;

    AlternativeFanOut(SpringAlternativeSettings settings, KafkaTemplate<String, String> template, JsonMapper json) {
        this.settings = settings;
        this.template = template;
        this.json = json;
    }

    @KafkaListener(id = "${alt.group-prefix}.fanout", topics = "${alt.events-topic}",
            containerFactory = "batchListenerContainerFactory")
    void fanOut(List<ConsumerRecord<String, String>> events)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, String> event : events) {
            JsonNode envelope = json.readTree(event.value());
            ObjectNode body = json.createObjectNode();
            body.set("type", envelope.get("type"));
            body.set("timestamp", envelope.get("occurred_at"));
            body.set("data", envelope.get("data"));
            String text = json.writeValueAsString(body);
            byte[] id = envelope.get("id").asString().getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<String, String> endpoint : settings.endpointUrls().entrySet()) {
                ProducerRecord<String, String> delivery = new ProducerRecord<>(settings.deliveriesTopic(), event.key(),
                        text);
                delivery.headers().add(WEBHOOK_ID, id);
                delivery.headers().add(ENDPOINT, endpoint.getKey().getBytes(StandardCharsets.UTF_8));
                sends.add(template.send(delivery));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }
}
