package io.hookline.dispatcher.delivery;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * A fault in front of the application's real Kafka producer: while armed, every send of a keyed record to one
 * partition of one topic fails at once (as when that partition has no leader), and the others go to the broker
 * untouched. The partition is the producer's own for the key ({@code murmur2(key) % partitions}). Thread-safe.
 * Import {@link Configuration} to wrap the application's producers.
 */
final class ProducerFaults {

    static final ProducerFaults INSTANCE = new ProducerFaults();

    private volatile String topic;
    private volatile int partition = -1;
    private volatile int partitions;
    private final AtomicInteger failedSends = new AtomicInteger();

    void failSendsTo(String topic, int partition, int partitions) {
        this.partitions = partitions;
        this.partition = partition;
        this.topic = topic;
    }

    void clear() {
        topic = null;
    }

    int failedSends() {
        return failedSends.get();
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @SuppressWarnings("unchecked")
    <K, V> Producer<K, V> wrap(Producer<K, V> producer) {
        return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] {Producer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("send") && args.length == 2 && faulty((ProducerRecord<?, ?>) args[0])) {
                        failedSends.incrementAndGet();
                        NotLeaderOrFollowerException fault = new NotLeaderOrFollowerException("injected: no leader");
                        if (args[1] != null) {
                            ((Callback) args[1]).onCompletion(null, fault);
                        }
                        return CompletableFuture.failedFuture(fault);
                    }
                    try {
                        return method.invoke(producer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private boolean faulty(ProducerRecord<?, ?> record) {
        String failing = topic;
        return failing != null && failing.equals(record.topic()) && record.key() instanceof String key
                && partitionOf(key, partitions) == partition;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @SuppressWarnings("unchecked")
        DefaultKafkaProducerFactoryCustomizer faultyProducers() {
            return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
                    .addPostProcessor(producer -> INSTANCE.wrap((Producer<Object, Object>) producer));
        }
    }
}
