package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The delivery engine ({@code hookline.dispatcher.delivery.*}).
 *
 * @param groupId consumer group of the delivery and retry topics (every instance shares it)
 * @param maxInFlight deliveries in flight at once in this process, over all endpoints
 * @param maxInFlightPerEndpoint deliveries in flight at once to one endpoint; beyond it a delivery is deferred
 *        to the first retry topic (not counted as an attempt)
 * @param maxPollRecords records fetched per poll
 * @param commitInterval how often completed offsets are committed
 * @param shutdownTimeout how long a stop (or the restart of a loop that died) waits for deliveries in flight
 *        before it leaves them to redelivery
 * @param revocationTimeout how long a rebalance that takes partitions away waits for the deliveries in flight on
 *        them before it commits and lets them go (0: not at all; the new owner sends them again)
 * @param deferCopingEndpoints defer a delivery that waited 500 ms for a slot even when its endpoint is coping
 *        (answered successfully within 500 ms, no failure within 5 s), the rule before coping endpoints' deliveries
 *        could wait up to 5 s (see {@link EndpointConcurrency}); for comparisons
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.delivery")
public record EngineProperties(
        @DefaultValue("webhook-dispatcher-deliveries") @NotBlank String groupId,
        @DefaultValue("2048") @Min(1) int maxInFlight,
        @DefaultValue("1024") @Min(1) int maxInFlightPerEndpoint,
        @DefaultValue("500") @Min(1) int maxPollRecords,
        @DefaultValue("100ms") @NotNull @DurationMin(millis = 1) Duration commitInterval,
        @DefaultValue("10s") @NotNull Duration shutdownTimeout,
        @DefaultValue("10s") @NotNull Duration revocationTimeout,
        @DefaultValue("false") boolean deferCopingEndpoints) {
}
