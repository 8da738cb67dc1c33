package io.hookline.dispatcher.fanout;

import io.hookline.dispatcher.catalog.EventTypeRegistry;
import io.hookline.dispatcher.delivery.CallbackSigning;
import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryMetrics;
import io.hookline.dispatcher.delivery.DeliveryRecord;
import io.hookline.dispatcher.delivery.DeliveryRouting;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.dispatcher.endpoint.UrlPolicy;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.HeaderText;
import io.hookline.support.logging.LogFields;
import io.hookline.support.tracing.TraceHandoff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a batch of {@code orders.events} records into deliveries: one record on {@code webhooks.deliveries}
 * per (event, subscribed endpoint), so each endpoint's delivery succeeds, retries and dead-letters on its own
 * (or straight on a retry topic while the endpoint's circuit is open, see {@link DeliveryRouting}).
 * An event whose order has a {@code callback_url} also gets a delivery there (when
 * {@code hookline.dispatcher.callbacks.secret} is set), signed for the event's {@code client_id}. A record that cannot be read goes to {@code orders.events.dlt}
 * with the reason. Each event is fanned out in a span continuing the record's {@code traceparent}, and every
 * delivery carries that trace on. An unexpected failure while fanning out one record dead-letters that record
 * ({@code fan-out error: <type>}) instead of stopping the fan-out. {@link #fanOut} returns only after every
 * produced record was acknowledged ({@code acks=all}); the caller then commits the batch. A failed produce fails
 * the batch at its first record not fully fanned out; a retry produces only what Kafka had not acknowledged
 * ({@link FanOutSends}). Thread-safe.
 */
@Service
public class FanOut {

    /** Per-order callbacks are deliveries to endpoint {@code callback:<host>}. */
    public static final String CALLBACK_PREFIX = "callback:";

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final EventReader reader;
    private final EndpointDirectory directory;
    private final FanOutSends sends;
    private final DeliveryTopicsProperties topics;
    private final UrlPolicy urlPolicy;
    private final DeliveryRouting routing;
    private final CallbackSigning callbackSigning;
    private final TraceHandoff traces;
    private final DeliveryMetrics metrics;
    private final EventTypeRegistry eventTypes;

    FanOut(EventReader reader, EndpointDirectory directory, FanOutSends sends,
            DeliveryTopicsProperties topics, UrlPolicy urlPolicy, CallbackSigning callbackSigning,
            DeliveryRouting routing, TraceHandoff traces, DeliveryMetrics metrics, EventTypeRegistry eventTypes) {
        this.eventTypes = eventTypes;
        this.traces = traces;
        this.metrics = metrics;
        this.routing = routing;
        this.reader = reader;
        this.directory = directory;
        this.sends = sends;
        this.topics = topics;
        this.urlPolicy = urlPolicy;
        this.callbackSigning = callbackSigning;
    }

    /**
     * Fans the batch out and waits for the acknowledgements.
     *
     * @throws UnacknowledgedFanOut if a produce failed: the index of the first record not fully fanned out (the
     *     records before it are done; a retry produces only what was not acknowledged)
     */
    public void fanOut(List<ConsumerRecord<String, String>> records) {
        List<FanOutSends.Planned> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try (TraceHandoff.Scope trace = traces.resume(text(record, EventHeaders.TRACEPARENT), "fan-out");
                    LogFields fields = LogFields.of(record.key(), text(record, EventHeaders.EVENT_ID))) {
                batch.add(new FanOutSends.Planned(record, plan(record, trace.traceparent())));
            }
        }
        sends.produce(batch);
    }

    /**
     * What one record fans out to. A record that cannot be read, or whose fan-out fails unexpectedly, becomes one
     * dead letter on {@code orders.events.dlt} with the reason, so one bad record never stops the fan-out.
     */
    private List<ProducerRecord<String, String>> plan(ConsumerRecord<String, String> record, String traceparent) {
        try {
            IncomingEvent event = reader.read(record.value());
            String version = version(record, event.type());
            List<ProducerRecord<String, String>> planned = new ArrayList<>();
            List<Endpoint> subscribers = directory.subscribersOf(event.type());
            for (Endpoint endpoint : subscribers) {
                DeliveryRecord delivery = DeliveryRecord.first(deliveryId(event.id(), endpoint.id()),
                        event.id().toString(), event.type(), endpoint.id(), record.key(), event.webhookBody())
                        .inTrace(traceparent).ofVersion(version);
                planned.add(routing.first(delivery));
            }
            if (event.callbackUrl() != null && callbackSigning.enabled()) {
                planned.add(callback(event, record, traceparent, version));
            }
            log.info("Fanned out {} event {} of order {} to {} endpoint(s)", event.type(), event.id(), record.key(),
                    planned.size());
            return planned;
        } catch (PoisonEventException e) {
            log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            metrics.deadLettered(null, "poison_event");
            return List.of(poison(record, "poison: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Fanning out {}-{}@{} failed unexpectedly; dead-lettering it", record.topic(),
                    record.partition(), record.offset(), e);
            metrics.deadLettered(null, "fan_out_error");
            return List.of(poison(record, "fan-out error: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * The delivery to the order's own {@code callback_url}, as endpoint {@code callback:<host>}, carrying the
     * event's {@code client_id} and {@code callback_key_versions} (its signing keys); a URL the {@link UrlPolicy}
     * refuses, or client headers {@link CallbackSigning} refuses, go straight to the dead-letter topic with the
     * reason.
     */
    private ProducerRecord<String, String> callback(IncomingEvent event, ConsumerRecord<String, String> record,
            String traceparent, String version) {
        String url = event.callbackUrl().trim();
        String host = hostOf(url);
        String endpointId = CALLBACK_PREFIX + (host == null ? "invalid" : host);
        String clientId = text(record, EventHeaders.CLIENT_ID);
        String versions = text(record, EventHeaders.CALLBACK_KEY_VERSIONS);
        DeliveryRecord delivery = DeliveryRecord.first(deliveryId(event.id(), endpointId), event.id().toString(),
                event.type(), endpointId, record.key(), event.webhookBody()).toTarget(url).inTrace(traceparent)
                .signedFor(clientId, versions).ofVersion(version);
        java.util.Optional<String> refusal = host == null ? java.util.Optional.of("not an absolute URL")
                : urlPolicy.refusal(url);
        if (refusal.isPresent()) {
            return refused(delivery, "callback_refused", "callback_url refused: " + refusal.get());
        }
        if (callbackSigning.signing(clientId, versions) instanceof CallbackSigning.Signing.Refused(String reason)) {
            return refused(delivery, "callback_signing", "callback signing refused: " + reason);
        }
        return routing.first(delivery);
    }

    private ProducerRecord<String, String> refused(DeliveryRecord delivery, String metric, String reason) {
        log.warn("Not delivering event {} to its callback_url: {}", delivery.eventId(), reason);
        metrics.deadLettered(delivery, metric);
        ProducerRecord<String, String> dead = delivery.toProducerRecord(topics.deliveriesDeadLetter());
        add(dead, DeliveryHeaders.DLT_REASON, reason);
        return dead;
    }

    /** The URL's host, or null when it has none or is not a URI at all (then it is refused, not an error). */
    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The contract version of the event's payload: the record's {@code event_version} header as its producer wrote
     * it, else the catalog's current version of the type, else {@code null} (a type nobody declared).
     */
    private String version(ConsumerRecord<String, String> record, String type) {
        String stated = text(record, EventHeaders.EVENT_VERSION);
        if (stated != null && !stated.isBlank()) {
            return stated.trim();
        }
        return eventTypes.latest(type).map(known -> Integer.toString(known.version())).orElse(null);
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
        add(record, DeliveryHeaders.DLT_REASON, reason);
        add(record, DeliveryHeaders.DLT_ORIGINAL_TOPIC, source.topic());
        add(record, DeliveryHeaders.DLT_ORIGINAL_PARTITION, Integer.toString(source.partition()));
        add(record, DeliveryHeaders.DLT_ORIGINAL_OFFSET, Long.toString(source.offset()));
        return record;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : HeaderText.decode(header.value());
    }

    private static void add(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, HeaderText.encode(value));
    }
}
