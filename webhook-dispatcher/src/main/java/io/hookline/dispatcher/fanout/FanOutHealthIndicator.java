package io.hookline.dispatcher.fanout;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code fanout} (in the readiness group): UP while the fan-out's listener container and
 * every one of its consumers run; DOWN when the container was stopped, or a consumer stopped on a fatal error
 * (Spring Kafka does not restart it), so an instance that no longer fans out is taken out of service instead of
 * looking healthy. Per-record failures never stop it: they go to {@code orders.events.dlt} ({@link FanOut}).
 * Thread-safe (reads the containers' state).
 */
@Component("fanoutHealthIndicator")
class FanOutHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    FanOutHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = registry.getListenerContainer(FanOutListener.LISTENER_ID);
        if (container == null) {
            return Health.down().withDetail("listener", FanOutListener.LISTENER_ID).withDetail("state", "absent")
                    .build();
        }
        List<? extends MessageListenerContainer> consumers = container instanceof ConcurrentMessageListenerContainer<?, ?> c
                ? c.getContainers() : List.of(container);
        long running = consumers.stream().filter(MessageListenerContainer::isRunning).count();
        boolean up = container.isRunning() && container.isInExpectedState() && running == consumers.size();
        String state = up ? "running" : !container.isRunning() ? "stopped" : "consumer stopped";
        return (up ? Health.up() : Health.down()).withDetail("listener", FanOutListener.LISTENER_ID)
                .withDetail("state", state).withDetail("consumers_running", running)
                .withDetail("consumers", consumers.size()).build();
    }
}
