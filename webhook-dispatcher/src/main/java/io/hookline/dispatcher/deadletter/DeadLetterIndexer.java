package io.hookline.dispatcher.deadletter;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the dead-letter index up to date for the life of the application: runs an {@link IndexLoop} on its own
 * thread with its own consumer, which is assigned every partition of the dead-letter and actions topics (no
 * consumer group, no commits: the positions live in the database beside the rows they cover). Every instance
 * indexes everything; their writes are idempotent.
 */
@Component
class DeadLetterIndexer implements SmartLifecycle {

    private final ConsumerFactory<String, String> consumerFactory;
    private final DeadLetterIndex index;
    private final DeadLetterActions actions;
    private final DeliveryTopicsProperties topics;
    private final DeadLetterProperties properties;
    private final Clock clock;
    private IndexLoop loop;
    private Thread thread;

    DeadLetterIndexer(ConsumerFactory<String, String> consumerFactory, DeadLetterIndex index,
            DeadLetterActions actions, DeliveryTopicsProperties topics, DeadLetterProperties properties, Clock clock) {
        this.consumerFactory = consumerFactory;
        this.index = index;
        this.actions = actions;
        this.topics = topics;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        Consumer<String, String> consumer = consumerFactory.createConsumer(null, null, "-dead-letter-index",
                overrides);
        loop = new IndexLoop(consumer, List.of(topics.deliveriesDeadLetter(), actions.topic()), index, actions,
                properties, clock);
        thread = Thread.ofPlatform().name("dead-letter-index").start(loop);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            thread.join(10_000);
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
