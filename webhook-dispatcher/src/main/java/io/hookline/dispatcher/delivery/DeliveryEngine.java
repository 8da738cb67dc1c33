package io.hookline.dispatcher.delivery;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeliveryLoop} for the life of the application under the {@link LoopSupervisor}, as the loop
 * {@value #LOOP_NAME}: started after the context is ready, stopped (draining deliveries in flight, bounded) before
 * the producer and HTTP client go away. Several dispatcher instances share the work through the consumer group
 * ({@link EngineProperties#groupId()}; the assignor is {@code spring.kafka.consumer.properties}, cooperative-sticky
 * by default).
 *
 * <p>Failure contract: when a run of the loop dies (an exception from poll, commit or a rebalance callback; one
 * record's failure never gets that far), the supervisor reports readiness DOWN naming {@value #LOOP_NAME} and runs
 * it again after a back-off. The next run first {@linkplain DeliveryLoop#salvage() salvages} the dead one (waits,
 * bounded, for its deliveries in flight, commits what finished, closes its consumer), then creates a fresh consumer
 * and loop, which consume every unfinished record again. Readiness is UP again once the new run has polled.
 * {@link #start()}/{@link #stop()} are called by the container's lifecycle thread.
 */
@Component
class DeliveryEngine implements SmartLifecycle {

    static final String LOOP_NAME = "delivery-engine";

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final ConsumerFactory<String, String> consumerFactory;
    private final DeliveryHandler handler;
    private final EngineProperties properties;
    private final DeliveryTopicsProperties topics;
    private final RetryProperties retry;
    private final Clock clock;
    private final RetryTiers tiers;
    private final LoopSupervisor supervisor;
    private SupervisedLoop loop;
    private volatile DeliveryLoop deadRun;

    DeliveryEngine(ConsumerFactory<String, String> consumerFactory, DeliveryHandler handler,
            EngineProperties properties, DeliveryTopicsProperties topics, RetryProperties retry, Clock clock,
            RetryTiers tiers, LoopSupervisor supervisor) {
        this.tiers = tiers;
        this.consumerFactory = consumerFactory;
        this.handler = handler;
        this.properties = properties;
        this.topics = topics;
        this.retry = retry;
        this.clock = clock;
        this.supervisor = supervisor;
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
        loop = supervisor.start(LOOP_NAME, this::runOnce);
    }

    /** One supervised run: salvage a dead predecessor, then a fresh consumer and loop until stopped or dead. */
    private void runOnce(LoopContext context) {
        salvageDeadRun();
        DeliveryLoop run = newLoop();
        try {
            run.run(context);
        } catch (RuntimeException | Error e) {
            deadRun = run;
            throw e;
        }
    }

    private DeliveryLoop newLoop() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.maxPollRecords()));
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, String> consumer = consumerFactory.createConsumer(properties.groupId(), null, "-deliveries",
                overrides);
        Map<String, Integer> tierOfTopic = new HashMap<>();
        IntStream.rangeClosed(1, retry.delays().size()).forEach(n -> tierOfTopic.put(topics.retry(n), n));
        return new DeliveryLoop(consumer, consumedTopics(), handler, properties, clock, tierOfTopic, tiers,
                retry.maxParked());
    }

    private void salvageDeadRun() {
        DeliveryLoop dead = deadRun;
        if (dead != null) {
            deadRun = null;
            dead.salvage();
        }
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            boolean ended = loop.await(properties.shutdownTimeout().plus(properties.revocationTimeout())
                    .plusSeconds(10));
            if (ended) {
                salvageDeadRun();
            } else {
                log.warn("The delivery loop did not stop in time; unfinished records will be redelivered");
            }
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
