package io.hookline.dispatcher.fanout;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.schemas.events.HeaderText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Produces what a batch of {@code orders.events} records fans out to, one future per produced record, and
 * remembers, per source record, what Kafka already acknowledged. When some sends fail (one partition of the
 * delivery topic unavailable) the others stay produced, and the batch fails at its first source record with a
 * failed send ({@link UnacknowledgedFanOut}): the records before it commit, and when it and the records after it
 * come again only what was not acknowledged is produced, so a retry never duplicates a delivery and the healthy
 * partitions are not held back. The memory is per process (a fan-out repeated by another instance after a
 * rebalance or a crash produces the same delivery ids again: at-least-once) and holds only sources of batches
 * that failed. Thread-safe (the fan-out's consumers call it concurrently).
 */
@Component
class FanOutSends {

    /** One source record and what it fans out to. */
    record Planned(ConsumerRecord<String, String> source, List<ProducerRecord<String, String>> records) {
    }

    private static final Logger log = LoggerFactory.getLogger(FanOutSends.class);
    private static final int MAX_REMEMBERED = 100_000;

    private final KafkaTemplate<String, String> template;
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

    FanOutSends(KafkaTemplate<String, String> template) {
        this.template = template;
    }

    /**
     * Produces every record not yet acknowledged and waits for all of them.
     *
     * @throws UnacknowledgedFanOut naming the first source record with a failed send
     */
    void produce(List<Planned> batch) {
        List<List<CompletableFuture<?>>> sends = new ArrayList<>();
        for (Planned planned : batch) {
            sends.add(produce(planned));
        }
        CompletableFuture.allOf(sends.stream().flatMap(List::stream).toArray(CompletableFuture[]::new))
                .handle((ignored, error) -> null).join();
        for (int index = 0; index < batch.size(); index++) {
            Throwable failure = firstFailure(sends.get(index));
            if (failure != null) {
                throw new UnacknowledgedFanOut(index, failure);
            }
            acknowledged.remove(sourceKey(batch.get(index).source()));
        }
    }

    private List<CompletableFuture<?>> produce(Planned planned) {
        String source = sourceKey(planned.source());
        Set<String> done = acknowledged.getOrDefault(source, Set.of());
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (ProducerRecord<String, String> record : planned.records()) {
            String identity = identity(record);
            if (done.contains(identity)) {
                continue;
            }
            futures.add(send(record).thenRun(() -> remember(source, identity)));
        }
        return futures;
    }

    private CompletableFuture<?> send(ProducerRecord<String, String> record) {
        try {
            return template.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void remember(String source, String identity) {
        if (acknowledged.size() >= MAX_REMEMBERED && !acknowledged.containsKey(source)) {
            log.warn("Forgetting {} partly fanned-out records; a retry of those may produce duplicates",
                    acknowledged.size());
            acknowledged.clear();
        }
        acknowledged.computeIfAbsent(source, key -> ConcurrentHashMap.newKeySet()).add(identity);
    }

    private static Throwable firstFailure(List<CompletableFuture<?>> futures) {
        for (CompletableFuture<?> future : futures) {
            if (future.isCompletedExceptionally()) {
                return future.exceptionNow();
            }
        }
        return null;
    }

    private static String sourceKey(ConsumerRecord<?, ?> source) {
        return source.topic() + "-" + source.partition() + "@" + source.offset();
    }

    /** A delivery is itself whatever topic it goes to (routing may change between tries); a dead letter by topic. */
    private static String identity(ProducerRecord<String, String> record) {
        Header id = record.headers().lastHeader(DeliveryHeaders.DELIVERY_ID);
        return id == null ? "topic:" + record.topic() : HeaderText.decode(id.value());
    }
}
