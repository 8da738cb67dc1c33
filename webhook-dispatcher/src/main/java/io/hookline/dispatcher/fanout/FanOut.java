package io.hookline.dispatcher.fanout;

import io.hookline.dispatcher.delivery.CallbackProperties;
import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryRecord;
import io.hookline.dispatcher.delivery.DeliveryRouting;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.dispatcher.endpoint.UrlPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Turns a batch of {@code orders.events} records into deliveries: one record on {@code webhooks.deliveries}
 * per (event, subscribed endpoint), so each endpoint's delivery succeeds, retries and dead-letters on its own
 * (or straight on a retry topic while the endpoint's circuit is open, see {@link DeliveryRouting}).
 * An event whose order has a {@code callback_url} also gets a delivery there (when
 * {@code dispatcher.callbacks.secret} is set). A record that cannot be read goes to {@code orders.events.dlt}
 * with the reason. {@link #fanOut} returns
 * only after every produced record was acknowledged ({@code acks=all}); the caller then commits the batch.
 * Thread-safe.
 */
@Service
public class FanOut {

    /** Per-order callbacks are deliveries to endpoint {@code callback:<host>}. */
    public static final String CALLBACK_PREFIX = "callback:";

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final EventReader reader;
    private final EndpointDirectory directory;
    private final KafkaTemplate<String, String> template;
    private final DeliveryTopicsProperties topics;
    private final UrlPolicy urlPolicy;
    private final DeliveryRouting routing;
    private final boolean callbacks;

    public FanOut(EventReader reader, EndpointDirectory directory, KafkaTemplate<String, String> template,
            DeliveryTopicsProperties topics, UrlPolicy urlPolicy, CallbackProperties callbackProperties,
            DeliveryRouting routing) {
        this.routing = routing;
        this.reader = reader;
        this.directory = directory;
        this.template = template;
        this.topics = topics;
        this.urlPolicy = urlPolicy;
        this.callbacks = callbackProperties.signingSecret().isPresent();
    }

    /** Fans the batch out and waits for the acknowledgements; throws if any produce failed. */
    public void fanOut(List<ConsumerRecord<String, String>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = reader.read(record.value());
                for (Endpoint endpoint : directory.subscribersOf(event.type())) {
                    DeliveryRecord delivery = DeliveryRecord.first(deliveryId(event.id(), endpoint.id()),
                            event.id().toString(), event.type(), endpoint.id(), record.key(), event.webhookBody());
                    sends.add(template.send(routing.first(delivery)));
                }
                if (event.callbackUrl() != null && callbacks) {
                    sends.add(template.send(callback(event, record.key())));
                }
            } catch (PoisonEventException e) {
                log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                sends.add(template.send(poison(record, e.getMessage())));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The delivery to the order's own {@code callback_url}, as endpoint {@code callback:<host>}; a URL the
     * {@link UrlPolicy} refuses goes straight to the dead-letter topic with the reason.
     */
    private ProducerRecord<String, String> callback(IncomingEvent event, String key) {
        String url = event.callbackUrl().trim();
        String host = java.net.URI.create(url).getHost();
        String endpointId = CALLBACK_PREFIX + (host == null ? "invalid" : host);
        DeliveryRecord delivery = DeliveryRecord.first(deliveryId(event.id(), endpointId), event.id().toString(),
                event.type(), endpointId, key, event.webhookBody()).toTarget(url);
        java.util.Optional<String> refusal = host == null ? java.util.Optional.of("not an absolute URL")
                : urlPolicy.refusal(url);
        if (refusal.isEmpty()) {
            return routing.first(delivery);
        }
        log.warn("Not delivering event {} to its callback_url: {}", event.id(), refusal.get());
        ProducerRecord<String, String> dead = delivery.toProducerRecord(topics.deliveriesDeadLetter());
        add(dead, DeliveryHeaders.DLT_REASON, "callback_url refused: " + refusal.get());
        return dead;
    }

    /** Stable per (event, endpoint), so a fan-out repeated after a crash produces the same delivery ids. */
    static String deliveryId(UUID eventId, String endpointId) {
        UUID id = UUID.nameUUIDFromBytes((eventId + "/" + endpointId).getBytes(StandardCharsets.UTF_8));
        return "dlv_" + id.toString().replace("-", "");
    }

    private ProducerRecord<String, String> poison(ConsumerRecord<String, String> source, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.eventsDeadLetter(), source.key(),
                source.value());
        source.headers().forEach(header -> record.headers().add(header));
        add(record, DeliveryHeaders.DLT_REASON, "poison: " + reason);
        add(record, DeliveryHeaders.DLT_ORIGINAL_TOPIC, source.topic());
        add(record, DeliveryHeaders.DLT_ORIGINAL_PARTITION, Integer.toString(source.partition()));
        add(record, DeliveryHeaders.DLT_ORIGINAL_OFFSET, Long.toString(source.offset()));
        return record;
    }

    private static void add(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
