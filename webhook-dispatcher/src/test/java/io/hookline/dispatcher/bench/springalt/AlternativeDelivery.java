package io.hookline.dispatcher.bench.springalt;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.schemas.signing.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The alternative's delivery: a {@code @KafkaListener} returning {@code Mono<Void>} (Spring Kafka 3.2+ async
 * return type: the container switches to manual acks with out-of-order commits and acks each record when its
 * Mono completes), which POSTs the record to its endpoint with {@link WebClient}, signed with the same Standard
 * Webhooks signer as the engine. A non-2xx answer or no answer within the attempt timeout completes the Mono
 * with an error; the container's error handler then publishes the record to the next retry topic
 * ({@link SpringAlternativeConfiguration#retryTopics}), whose listener is this same method.
 */
class AlternativeDelivery {

    private final SpringAlternativeSettings settings;
    private final WebClient webClient;
    private final List<WebhookSecret> secrets;

    AlternativeDelivery(SpringAlternativeSettings settings, WebClient webClient) {
        this.settings = settings;
        this.webClient = webClient;
        this.secrets = List.of(WebhookSecret.parse(settings.secret()));
    }

    @KafkaListener(id = "${alt.group-prefix}.deliveries", topics = "${alt.deliveries-topic}")
    Mono<Void> deliver(ConsumerRecord<String, String> delivery) {
        String id = header(delivery, AlternativeFanOut.WEBHOOK_ID);
        String url = settings.endpointUrls().get(header(delivery, AlternativeFanOut.ENDPOINT));
        byte[] body = delivery.value().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        return webClient.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(secrets, id, timestamp, body))
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .then();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
