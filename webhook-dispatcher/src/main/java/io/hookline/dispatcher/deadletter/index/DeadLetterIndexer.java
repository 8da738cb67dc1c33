package io.hookline.dispatcher.deadletter.index;

import io.hookline.dispatcher.deadletter.DeadLetterActions;
import io.hookline.dispatcher.deadletter.DeadLetterProperties;
import io.hookline.dispatcher.deadletter.DeadLetterSources;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the dead-letter index up to date for the life of the application: the supervised loop {@value #LOOP}
 * runs an {@link IndexLoop} with its own consumer, which is assigned every partition of the three dead-letter
 * topics and the actions topic (no consumer group, no commits: the positions live in the database beside the rows
 * they cover). A run that dies is restarted with back-off and a fresh consumer (readiness names the loop until
 * then). Every instance indexes everything; their writes are idempotent.
 */
@Component
class DeadLetterIndexer implements SmartLifecycle {

    static final String LOOP = "dead-letter-index";

    private final ConsumerFactory<String, String> consumerFactory;
    private final DeadLetterIndex index;
    private final DeadLetterActions actions;
    private final DeadLetterSources sources;
    private final DeadLetterProperties properties;
    private final LoopSupervisor supervisor;
    private final Clock clock;
    private SupervisedLoop loop;

    DeadLetterIndexer(ConsumerFactory<String, String> consumerFactory, DeadLetterIndex index,
            DeadLetterActions actions, DeadLetterSources sources, DeadLetterProperties properties,
            LoopSupervisor supervisor, Clock clock) {
        this.consumerFactory = consumerFactory;
        this.index = index;
        this.actions = actions;
        this.sources = sources;
        this.properties = properties;
        this.supervisor = supervisor;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        loop = supervisor.start(LOOP, context -> newLoop().run(context));
    }

    private IndexLoop newLoop() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Consumer<String, String> consumer = consumerFactory.createConsumer(null, null, "-dead-letter-index",
                overrides);
        return new IndexLoop(consumer, sources, index, actions, properties, clock);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            loop.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
