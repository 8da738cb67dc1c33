package io.hookline.dispatcher.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeliveryLoop} on its own thread for the life of the application: started after the
 * context is ready, stopped (draining deliveries in flight, bounded) before the producer and HTTP client
 * go away. Several dispatcher instances share the work through the consumer group
 * ({@link EngineProperties#groupId()}).
 */
@Component
class DeliveryEngine implements SmartLifecycle {

    private final ConsumerFactory<String, String> consumerFactory;
    private final DeliveryHandler handler;
    private final EngineProperties properties;
    private final DeliveryTopicsProperties topics;
    private final RetryProperties retry;
    private final Clock clock;
    private final RetryTiers tiers;
    private DeliveryLoop loop;
    private Thread thread;

    DeliveryEngine(ConsumerFactory<String, String> consumerFactory, DeliveryHandler handler,
            EngineProperties properties, DeliveryTopicsProperties topics, RetryProperties retry, Clock clock,
            RetryTiers tiers) {
        this.tiers = tiers;
        this.consumerFactory = consumerFactory;
        this.handler = handler;
        this.properties = properties;
        this.topics = topics;
        this.retry = retry;
        this.clock = clock;
    }

    /** The delivery topic and every retry topic, in that order. */
    List<String> consumedTopics() {
        List<String> names = new ArrayList<>();
        names.add(topics.deliveries());
        IntStream.rangeClosed(1, retry.delays().size()).mapToObj(topics::retry).forEach(names::add);
        return names;
    }

    @Override
    public synchronized void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.maxPollRecords()));
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, String> consumer = consumerFactory.createConsumer(properties.groupId(), null, "-deliveries",
                overrides);
        Map<String, Integer> tierOfTopic = new HashMap<>();
        IntStream.rangeClosed(1, retry.delays().size()).forEach(n -> tierOfTopic.put(topics.retry(n), n));
        loop = new DeliveryLoop(consumer, consumedTopics(), handler, properties, clock, tierOfTopic, tiers,
                retry.maxParked());
        thread = Thread.ofPlatform().name("delivery-engine").start(loop);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            thread.join(properties.shutdownTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
