package io.hookline.receiver.inbox;

import io.hookline.schemas.events.HeaderText;
import io.hookline.schemas.events.Topics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts accepted webhooks on the inbox topic ({@link InboxProperties#topic()}, default
 * {@link Topics#NOTIFICATIONS_INBOX}) without waiting for them: {@link #publish} returns a future that completes
 * once Kafka has acknowledged the record ({@code acks=all}, idempotent producer), or fails with
 * {@link InboxUnavailableException} when that did not happen within {@code hookline.receiver.inbox.send-timeout}. Sends
 * from concurrent requests are not waited on one by one, so the producer batches them.
 *
 * <p>At most {@code hookline.receiver.inbox.hand-off.max-in-flight} records are outstanding; beyond that the future fails at
 * once. Thread-safe; called from request threads. The returned future completes on the producer's I/O thread or
 * the timeout's, so what is chained to it must be short. A timeout does not withdraw the record: it may still land,
 * in which case the sender's retry is a duplicate that the worker ignores.
 */
@Component
public class InboxPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final InboxProperties properties;
    private final Semaphore inFlight;
    private final int maxInFlight;

    InboxPublisher(KafkaTemplate<String, String> kafka, InboxProperties properties, HandOffProperties handOff) {
        this.kafka = kafka;
        this.properties = properties;
        this.maxInFlight = handOff.maxInFlight();
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * Hands the webhook to the producer; never blocks on the acknowledgement (only, as any producer send, on
     * missing topic metadata or a full buffer, each bounded by the send timeout through {@code max.block.ms}).
     *
     * @return completes when the record is acknowledged; fails with {@link InboxUnavailableException} if it was
     *     not acknowledged within the send timeout or too many records are outstanding
     */
    public CompletableFuture<Void> publish(AcceptedWebhook webhook) {
        if (!inFlight.tryAcquire()) {
            return CompletableFuture.failedFuture(new InboxUnavailableException(maxInFlight
                    + " webhooks are already waiting for the inbox queue; webhook " + webhook.webhookId()
                    + " was not queued", properties.retryAfterSeconds(), null));
        }
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(record(webhook));
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            inFlight.release();
            return CompletableFuture.failedFuture(unavailable(webhook, e));
        }
        sent.whenComplete((result, failure) -> inFlight.release());
        // copy(): the timeout answers the request; the permit stays taken until the producer is done with the record
        return sent.copy().orTimeout(properties.sendTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw unavailable(webhook, failure);
                    }
                    return null;
                });
    }

    /** Records handed to the producer and not yet acknowledged or failed. */
    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    private InboxUnavailableException unavailable(AcceptedWebhook webhook, Throwable cause) {
        return new InboxUnavailableException("the inbox queue did not acknowledge webhook "
                + webhook.webhookId() + " within " + properties.sendTimeout(), properties.retryAfterSeconds(), cause);
    }

    private ProducerRecord<String, String> record(AcceptedWebhook webhook) {
        List<Header> headers = List.of(
                header(InboxHeaders.WEBHOOK_ID, webhook.webhookId()),
                header(InboxHeaders.EVENT_ID, webhook.webhookId()),
                header(InboxHeaders.EVENT_TYPE, webhook.eventType()),
                header(InboxHeaders.RECEIVED_AT, webhook.acceptedAt().toString()));
        return new ProducerRecord<>(properties.topic(), null, webhook.acceptedAt().toEpochMilli(),
                webhook.orderId(), webhook.body(), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, HeaderText.encode(value));
    }
}
