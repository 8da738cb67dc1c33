package io.hookline.dispatcher.fanout;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryRecord;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
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
 * per (event, subscribed endpoint), so each endpoint's delivery succeeds, retries and dead-letters on its own.
 * A record that cannot be read goes to {@code orders.events.dlt} with the reason. {@link #fanOut} returns
 * only after every produced record was acknowledged ({@code acks=all}); the caller then commits the batch.
 * Thread-safe.
 */
@Service
public class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final EventReader reader;
    private final EndpointDirectory directory;
    private final KafkaTemplate<String, String> template;
    private final DeliveryTopicsProperties topics;

    public FanOut(EventReader reader, EndpointDirectory directory, KafkaTemplate<String, String> template,
            DeliveryTopicsProperties topics) {
        this.reader = reader;
        this.directory = directory;
        this.template = template;
        this.topics = topics;
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
                    sends.add(template.send(delivery.toProducerRecord(topics.deliveries())));
                }
            } catch (PoisonEventException e) {
                log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                sends.add(template.send(poison(record, e.getMessage())));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
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
