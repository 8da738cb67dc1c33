package io.hookline.dispatcher.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the dispatcher deletes, and how fast ({@code hookline.dispatcher.retention.*}; docs/delivery-engine.md, "Attempt log
 * and retention").
 *
 * @param enabled whether the retention loop runs at all
 * @param attempts how long delivery attempts (and their per-minute counters) are kept: 30 days, Stripe's window
 *        for events and inside Svix's 5-90 days; longer than the retry schedule (about 28 h), the auto-disable
 *        span (5 days) and the stats' largest window (30 days), so nothing that reads attempts loses what it needs
 * @param resolvedDeadLetters how long a replayed or discarded dead letter stays in the index after it was
 *        resolved; pending ({@code dead}) ones are kept as long as their topic keeps the record
 * @param interval the pause between two rounds
 * @param batchSize the most rows one delete statement removes
 * @param maxBatchesPerRound the most delete statements of one kind per round, so a large backlog of old rows is
 *        worked off over several rounds instead of in one long burst
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") @NotNull Duration attempts,
        @DefaultValue("30d") @NotNull Duration resolvedDeadLetters,
        @DefaultValue("1m") @NotNull Duration interval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int batchSize,
        @DefaultValue("50") @Min(1) int maxBatchesPerRound) {
}
