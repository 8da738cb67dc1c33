package io.hookline.orders.outbox;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.HeaderText;
import io.hookline.schemas.events.Topics;
import io.hookline.support.logging.LogFields;
import io.hookline.support.tracing.TraceHandoff;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends outbox rows to {@code orders.events} (key = aggregate id, headers {@code event_id},
 * {@code event_type}, {@code event_version} (the {@link EventCatalog}'s latest version of the type; omitted for a
 * type the catalog does not know, which consumers read as version 1), {@code traceparent}: a child of the request's stored trace context, and for a client's order
 * {@code client_id} and {@code callback_key_versions} as stored with the row; value = the stored
 * envelope JSON), one at a time, without waiting: the returned future completes with Kafka's acknowledgement
 * (acks=all) or its failure, at the latest after the producer's {@code delivery.timeout.ms}.
 *
 * <p>Records are handed to the idempotent producer in row order, so records of one partition reach it in order;
 * the relay never has two rows of one order in flight. Records leave after {@code linger.ms} (5 ms); there is
 * no flush, which would wait for every partition, the slowest included. A producer that cannot even fetch
 * metadata blocks the caller for up to {@code max.block.ms}, then fails synchronously.
 * Used by the relay thread only; non-final so that a test can wrap it with a fault.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final KafkaTemplate<String, String> kafka;
    private final TraceHandoff traces;

    OutboxSender(KafkaTemplate<String, String> kafka, TraceHandoff traces) {
        this.kafka = kafka;
        this.traces = traces;
    }

    /**
     * Hands one row to the producer.
     *
     * @return completes when Kafka acknowledged the record, exceptionally when it will not
     * @throws OutboxPublishException when the producer refused the record at once (no metadata, closed)
     */
    CompletableFuture<?> send(OutboxRecord row) throws OutboxPublishException {
        try (TraceHandoff.Scope trace = traces.resume(row.traceparent(), "outbox publish");
                LogFields fields = LogFields.of(row.aggregateId(), row.eventId().toString())) {
            CompletableFuture<?> ack = kafka.send(toProducerRecord(row, trace.traceparent()));
            log.debug("Publishing {} event {} of order {}", row.eventType(), row.eventId(), row.aggregateId());
            return ack;
        } catch (RuntimeException e) {
            throw new OutboxPublishException(e);
        }
    }

    /** The partition count of the topic, as the producer knows it (for tests that fault one partition). */
    int partitions() {
        return kafka.partitionsFor(Topics.ORDERS_EVENTS).size();
    }

    private static ProducerRecord<String, String> toProducerRecord(OutboxRecord row, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_EVENTS, row.aggregateId(),
                row.payload());
        record.headers().add(EventHeaders.EVENT_ID, HeaderText.encode(row.eventId()));
        record.headers().add(EventHeaders.EVENT_TYPE, HeaderText.encode(row.eventType()));
        EventCatalog.platform().latest(row.eventType()).map(EventTypeDefinition::version).ifPresent(version ->
                record.headers().add(EventHeaders.EVENT_VERSION, HeaderText.encode(version)));
        if (traceparent != null) {
            record.headers().add(EventHeaders.TRACEPARENT, HeaderText.encode(traceparent));
        }
        if (row.client() != null) {
            record.headers().add(EventHeaders.CLIENT_ID, HeaderText.encode(row.client().clientId()));
            record.headers().add(EventHeaders.CALLBACK_KEY_VERSIONS,
                    HeaderText.encode(row.client().callbackKeyVersions()));
        }
        return record;
    }
}
