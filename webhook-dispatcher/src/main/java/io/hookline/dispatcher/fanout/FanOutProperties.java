package io.hookline.dispatcher.fanout;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import jakarta.validation.constraints.NotBlank;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * More sources for the fan-out ({@code hookline.dispatcher.fanout.*}): topics of other services of the shop whose records
 * are event envelopes ({@code id}, {@code type}, {@code occurred_at}, {@code data}; key = the entity the event is
 * about, which keeps its events in order). Their events go to the endpoints subscribed to their types exactly as
 * {@code orders.events} does, with no code in the dispatcher; unreadable records go to
 * {@code hookline.dispatcher.topics.events-dead-letter} with {@code dlt_original_topic}, and a replay puts them back on the
 * topic they came from. The topics belong to their producers: the dispatcher does not create them. Declare their
 * types in {@code hookline.dispatcher.catalog.event-types} so that endpoints may subscribe to them.
 *
 * @param sources topics read besides {@code hookline.dispatcher.topics.events}
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.fanout")
public record FanOutProperties(@DefaultValue List<@NotBlank String> sources) {

    public FanOutProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Every topic the fan-out reads: the platform's events topic first, then the configured sources. */
    public Set<String> topics(DeliveryTopicsProperties topics) {
        Set<String> all = new LinkedHashSet<>();
        all.add(topics.events());
        all.addAll(sources);
        return Collections.unmodifiableSet(all);
    }
}
