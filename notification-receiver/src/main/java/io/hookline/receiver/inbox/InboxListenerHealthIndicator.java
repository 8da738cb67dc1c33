package io.hookline.receiver.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code inboxListener}, part of readiness: DOWN when the inbox listener container (or one
 * of its per-partition consumers) stopped other than on request, e.g. after a fatal consumer error, since the
 * receiver would then accept webhooks that nobody records. A container stopped on request, or not started because
 * {@code spring.kafka.listener.auto-startup=false}, is reported but not DOWN. Thread-safe.
 */
@Component("inboxListenerHealthIndicator")
class InboxListenerHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    InboxListenerHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = registry.getListenerContainer(InboxListener.ID);
        if (container == null) {
            return Health.unknown().withDetail("listener", InboxListener.ID).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("listener", InboxListener.ID);
        details.put("running", container.isRunning());
        details.put("expected_state", container.isInExpectedState());
        details.put("assigned_partitions", container.getAssignedPartitions() == null ? 0
                : container.getAssignedPartitions().size());
        return (container.isInExpectedState() ? Health.up() : Health.down()).withDetails(details).build();
    }
}
