package io.hookline.dispatcher.secrets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The loop that keeps every stored endpoint secret encrypted under the active key
 * ({@code hookline.dispatcher.secrets.reencryption.*}; docs/security.md, "Secrets at rest").
 *
 * @param batchSize how many stored secrets one transaction re-encrypts
 * @param interval the pause between two passes; a pass re-encrypts batch after batch until none is left
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.secrets.reencryption")
public record ReencryptionProperties(
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 10) Duration interval) {
}
