package io.hookline.dispatcher.delivery;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A fault in front of the real Kafka consumers of an application: while armed for a consumer group, every
 * {@code poll} of a consumer of that group throws (as a broken connection or a failing rebalance callback would),
 * which kills the loop that polls. Thread-safe. Import {@link Configuration} to wrap the application's consumers.
 */
final class ConsumerFaults {

    static final ConsumerFaults INSTANCE = new ConsumerFaults();

    private volatile String failingGroup;
    private final AtomicInteger failedPolls = new AtomicInteger();

    void failPollsOf(String group) {
        failingGroup = group;
    }

    void clear() {
        failingGroup = null;
    }

    int failedPolls() {
        return failedPolls.get();
    }

    @SuppressWarnings("unchecked")
    <K, V> Consumer<K, V> wrap(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                (proxy, method, args) -> {
                    String group = failingGroup;
                    if (method.getName().equals("poll") && group != null
                            && group.equals(consumer.groupMetadata().groupId())) {
                        failedPolls.incrementAndGet();
                        throw new KafkaException("injected poll failure");
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaConsumerFactoryCustomizer faultyConsumers() {
            return factory -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
                    .addPostProcessor(consumer -> INSTANCE.wrap((Consumer<Object, Object>) consumer));
        }
    }
}
