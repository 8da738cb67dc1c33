package io.hookline.dispatcher.attempt;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The attempt log's buffer and writer ({@code hookline.dispatcher.attempts.*}).
 *
 * @param bufferCapacity attempts held in memory while the writer is behind (the database down or slow); beyond it
 *        new attempts are dropped and counted. 200,000 attempts (about 100 MB at worst) are several minutes of
 *        this machine's peak rate (about 1,000-4,000 a second) and hours of a normal one
 * @param batchSize the most attempts one transaction writes
 * @param gather how long the writer waits for more attempts after the first of a batch: one commit per this
 *        much time instead of one per attempt
 * @param retryBackoff the first wait after a batch could not be written (the database away); it doubles up to
 *        {@code maxRetryBackoff}
 * @param maxRetryBackoff the longest wait between two tries of a batch that could not be written
 * @param statementTimeout how long one batch's transaction may take before it is given up (and retried): a hung
 *        database holds the writer, never a delivery
 * @param shutdownTimeout how long stopping waits for the buffer to be written
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.attempts")
public record AttemptLogProperties(
        @DefaultValue("200000") @Min(1) int bufferCapacity,
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("20ms") @NotNull Duration gather,
        @DefaultValue("500ms") @NotNull Duration retryBackoff,
        @DefaultValue("10s") @NotNull Duration maxRetryBackoff,
        @DefaultValue("30s") @NotNull Duration statementTimeout,
        @DefaultValue("10s") @NotNull Duration shutdownTimeout) {
}
