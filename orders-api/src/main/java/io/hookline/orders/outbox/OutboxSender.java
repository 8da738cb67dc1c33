package io.hookline.orders.outbox;

import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.Topics;
import io.hookline.support.logging.LogFields;
import io.hookline.support.tracing.TraceHandoff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends outbox rows to {@code orders.events} (key = aggregate id, headers {@code event_id} and
 * {@code event_type}, {@code traceparent}: a child of the request's stored trace context; value = the stored
 * envelope JSON) and waits for every acknowledgement.
 *
 * <p>Records are handed to the idempotent producer in row order, so records of one order reach their
 * partition in order. The batch is flushed at once rather than after {@code linger.ms}: the relay waits for
 * it anyway, so lingering would only add latency. The wait is bounded by the producer's
 * {@code delivery.timeout.ms}; a producer that cannot even fetch metadata fails after {@code max.block.ms} and
 * the rest of the batch is not attempted.
 * Used by the relay thread only.
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
     * Returns once Kafka acknowledged (acks=all) every record.
     *
     * @throws OutboxPublishException when any record was not acknowledged
     * @throws InterruptedException when the relay is being stopped
     */
    void sendAll(List<OutboxRecord> batch) throws OutboxPublishException, InterruptedException {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (OutboxRecord row : batch) {
            CompletableFuture<?> ack;
            try (TraceHandoff.Scope trace = traces.resume(row.traceparent(), "outbox publish");
                    LogFields fields = LogFields.of(row.aggregateId(), row.eventId().toString())) {
                ack = kafka.send(toProducerRecord(row, trace.traceparent()));
                log.debug("Publishing {} event {} of order {}", row.eventType(), row.eventId(), row.aggregateId());
            } catch (RuntimeException e) {
                throw new OutboxPublishException(e);
            }
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new OutboxPublishException(e.getCause());
        }
    }

    private static ProducerRecord<String, String> toProducerRecord(OutboxRecord row, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_EVENTS, row.aggregateId(),
                row.payload());
        record.headers().add(EventHeaders.EVENT_ID, row.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
