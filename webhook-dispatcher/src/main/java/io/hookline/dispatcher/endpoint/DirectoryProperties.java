package io.hookline.dispatcher.endpoint;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Endpoint management ({@code dispatcher.directory.*}).
 *
 * @param refreshInterval how often each instance re-reads the endpoints from the database, so every instance
 *        sees a change made through another one within about this long
 * @param rotationOverlap how long the previous secret keeps signing after a rotation (unless the request
 *        asks for another overlap)
 * @param allowPrivateUrls accept endpoint URLs that resolve to loopback, private, link-local or other
 *        non-public addresses (the local stack turns this on; never in production)
 */
@Validated
@ConfigurationProperties("dispatcher.directory")
public record DirectoryProperties(
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 10) Duration refreshInterval,
        @DefaultValue("24h") @NotNull Duration rotationOverlap,
        @DefaultValue("false") boolean allowPrivateUrls) {
}
