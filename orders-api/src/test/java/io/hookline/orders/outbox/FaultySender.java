package io.hookline.orders.outbox;

import io.hookline.support.tracing.TraceHandoff;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The real sender with switchable faults: sends to one partition fail after a short while (as a partition
 * without a leader fails at {@code delivery.timeout.ms}), or every send throws an unexpected exception (a bug
 * that escapes the relay's handling). Which partition a record goes to is computed as the producer's default
 * partitioner does for keyed records. Thread-safe.
 */
class FaultySender extends OutboxSender {

    static final String LOOP_BREAKER = "injected relay failure";

    private final int partitions;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int faultyPartition = -1;
    private volatile boolean breakLoop;

    FaultySender(KafkaTemplate<String, String> kafka, TraceHandoff traces, int partitions) {
        super(kafka, traces);
        this.partitions = partitions;
    }

    @Override
    CompletableFuture<?> send(OutboxRecord row) throws OutboxPublishException {
        if (breakLoop) {
            throw new IllegalStateException(LOOP_BREAKER);
        }
        int partition = partitionOf(row.aggregateId());
        if (partition == faultyPartition) {
            refused.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> {
                throw new NotLeaderOrFollowerException("partition " + partition + " is unavailable (test fault)");
            }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        }
        return super.send(row);
    }

    int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    void failPartition(int partition) {
        faultyPartition = partition;
    }

    void breakTheLoop() {
        breakLoop = true;
    }

    void healAll() {
        faultyPartition = -1;
        breakLoop = false;
    }

    /** How many sends the partition fault refused so far. */
    int refused() {
        return refused.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        FaultySender faultySender(KafkaTemplate<String, String> kafka, TraceHandoff traces,
                io.hookline.orders.system.TopicProperties topic) {
            return new FaultySender(kafka, traces, topic.partitions());
        }
    }
}
