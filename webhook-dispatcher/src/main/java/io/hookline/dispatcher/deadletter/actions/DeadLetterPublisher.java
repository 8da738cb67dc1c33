package io.hookline.dispatcher.deadletter.actions;

import io.hookline.dispatcher.deadletter.DeadLetterProperties;
import io.hookline.dispatcher.delivery.DurableSender;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Produces what operator calls send to Kafka ({@code acks=all}, the application's producer) and waits, bounded by
 * {@link DeadLetterProperties#produceTimeout()}, for the broker's acknowledgement. Thread-safe.
 */
@Component
class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaTemplate<String, String> template;
    private final DurableSender durable;
    private final DeadLetterProperties properties;

    DeadLetterPublisher(KafkaTemplate<String, String> template, DurableSender durable,
            DeadLetterProperties properties) {
        this.template = template;
        this.durable = durable;
        this.properties = properties;
    }

    /** Sends every record; one flag per record: acknowledged within the timeout (all share one deadline). */
    List<Boolean> send(List<ProducerRecord<String, String>> records) {
        List<CompletableFuture<?>> sends = records.stream().map(this::sendOne).toList();
        long deadline = System.nanoTime() + properties.produceTimeout().toNanos();
        return sends.stream().map(send -> acknowledged(send, deadline)).toList();
    }

    /**
     * Sends records that must get there even if it takes longer than the timeout: the {@link DurableSender} keeps
     * trying in the background; answers whether all were acknowledged within the timeout.
     */
    boolean sendDurably(List<ProducerRecord<String, String>> records) {
        List<CompletableFuture<Void>> acks = records.stream().map(record -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            durable.send(record, () -> ack.complete(null));
            return ack;
        }).toList();
        long deadline = System.nanoTime() + properties.produceTimeout().toNanos();
        return acks.stream().allMatch(ack -> acknowledged(ack, deadline));
    }

    private CompletableFuture<?> sendOne(ProducerRecord<String, String> record) {
        try {
            return template.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean acknowledged(CompletableFuture<?> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka did not acknowledge a dead-letter operation in time: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
