package io.hookline.receiver.inbox;

import io.hookline.schemas.events.HeaderText;
import io.hookline.schemas.events.Topics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts accepted webhooks on the inbox topic ({@link InboxProperties#topic()}, default {@link Topics#NOTIFICATIONS_INBOX}) and waits for the acknowledgement
 * ({@code acks=all}, idempotent producer), bounded by {@code receiver.inbox.send-timeout}.
 *
 * <p>Thread-safe; called from request threads. A timeout does not withdraw the record: it may still land,
 * in which case the sender's retry is a duplicate that the worker ignores.
 */
@Component
public class InboxPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final InboxProperties properties;

    InboxPublisher(KafkaTemplate<String, String> kafka, InboxProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /**
     * Returns once the record is acknowledged.
     *
     * @throws InboxUnavailableException if it was not acknowledged within the send timeout
     */
    public void publish(AcceptedWebhook webhook) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        try {
            kafka.send(record(webhook)).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxUnavailableException("interrupted while waiting for the inbox queue",
                    properties.retryAfterSeconds(), e);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.springframework.kafka.KafkaException e) {
            throw new InboxUnavailableException("the inbox queue did not acknowledge webhook "
                    + webhook.webhookId() + " within " + properties.sendTimeout(), properties.retryAfterSeconds(), e);
        }
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
