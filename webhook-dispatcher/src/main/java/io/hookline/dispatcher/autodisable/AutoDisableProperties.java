package io.hookline.dispatcher.autodisable;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Automatic disabling of endpoints that fail everything ({@code hookline.dispatcher.auto-disable.*}), as Svix does.
 *
 * @param enabled {@code false}: never disable an endpoint automatically
 * @param after how long an endpoint must have failed every attempt (from its first failure after its last
 *        success to its latest failure) before it is disabled
 * @param checkInterval how often each instance checks every enabled endpoint against the attempt log
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.auto-disable")
public record AutoDisableProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5d") @NotNull @DurationMin(seconds = 1) Duration after,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 10) Duration checkInterval) {
}
