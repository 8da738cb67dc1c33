package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.egress.Cidr;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Endpoint management ({@code hookline.dispatcher.directory.*}).
 *
 * @param refreshInterval how often each instance re-reads the endpoints from the database, so every instance
 *        sees a change made through another one within about this long
 * @param rotationOverlap how long the previous secret keeps signing after a rotation (unless the request
 *        asks for another overlap)
 * @param allowPrivateUrls accept endpoint and callback URLs that resolve to loopback, private, link-local or
 *        other non-public addresses, at save time and at connect time (the local stack turns this on; never in
 *        production)
 * @param allowedCidrs networks accepted even though they are not public (e.g. {@code 10.20.0.0/16} for an
 *        internal receiver, {@code 127.0.0.1/32}); every other non-public address stays refused; empty by default
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.directory")
public record DirectoryProperties(
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 10) Duration refreshInterval,
        @DefaultValue("24h") @NotNull Duration rotationOverlap,
        @DefaultValue("false") boolean allowPrivateUrls,
        @DefaultValue("") List<String> allowedCidrs) {

    public DirectoryProperties {
        allowedCidrs = allowedCidrs == null ? List.of()
                : allowedCidrs.stream().filter(cidr -> !cidr.isBlank()).toList();
        allowedNetworks(allowedCidrs); // fails the start-up with the bad entry
    }

    /** The allowed networks, parsed. */
    public List<Cidr> allowedNetworks() {
        return allowedNetworks(allowedCidrs);
    }

    private static List<Cidr> allowedNetworks(List<String> cidrs) {
        return cidrs.stream().map(Cidr::parse).toList();
    }
}
