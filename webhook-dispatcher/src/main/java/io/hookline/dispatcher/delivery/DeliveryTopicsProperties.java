package io.hookline.dispatcher.delivery;

import io.hookline.schemas.events.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka topics of the delivery engine ({@code hookline.dispatcher.topics.*}). The retry topics are named
 * {@code <deliveries>.retry.<n>} (one per step of the retry schedule) and the dead-letter topic
 * {@code <deliveries>.dlt}. Names are configurable so that tests (and several deployments on one cluster)
 * can keep their own.
 *
 * @param events the source topic of domain events
 * @param eventsDeadLetter where unreadable events go
 * @param deliveries one record per (event, endpoint)
 * @param partitions partitions of every topic the dispatcher declares
 * @param replicationFactor replication factor of every topic the dispatcher declares
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.topics")
public record DeliveryTopicsProperties(
        @DefaultValue(Topics.ORDERS_EVENTS) @NotBlank String events,
        @DefaultValue(Topics.ORDERS_EVENTS_DLT) @NotBlank String eventsDeadLetter,
        @DefaultValue(Topics.WEBHOOKS_DELIVERIES) @NotBlank String deliveries,
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor) {

    /** The retry topic of step {@code n} (1-based) of the retry schedule. */
    public String retry(int n) {
        return deliveries + Topics.RETRY_SUFFIX + n;
    }

    public String deliveriesDeadLetter() {
        return deliveries + Topics.DEAD_LETTER_SUFFIX;
    }

    /** The operators' actions on dead letters (replayed, discarded, replay delivered), key = dead-letter id. */
    public String deadLetterActions() {
        return deliveriesDeadLetter() + Topics.ACTIONS_SUFFIX;
    }
}
