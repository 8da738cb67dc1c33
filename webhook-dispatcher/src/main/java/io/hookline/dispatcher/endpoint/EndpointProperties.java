package io.hookline.dispatcher.endpoint;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.secrets.Redacted;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The webhook endpoints configured at startup ({@code hookline.dispatcher.endpoints[n].*}). Validated when the
 * application starts: every URL is absolute http(s), every secret parses, names are unique. They live beside
 * the endpoints created through the API (which are kept in the database) in the same {@link EndpointDirectory};
 * their id is their name and they cannot be changed through the API.
 *
 * @param endpoints the subscribed endpoints, each {@code [n].name} (unique; its id), {@code [n].url},
 *        {@code [n].secret} ({@code whsec_...}) and {@code [n].event-types} (empty = every type); read-only
 *        beside those created through the API; empty by default
 */
@Validated
@ConfigurationProperties("hookline.dispatcher")
public record EndpointProperties(@DefaultValue List<@Valid @NotNull ConfiguredEndpoint> endpoints) {

    public EndpointProperties {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** Endpoint names identify endpoints in logs and dead-letter headers, so they must be unique. */
    @AssertTrue(message = "endpoint names must be unique")
    public boolean isNamesUnique() {
        Set<String> names = new HashSet<>();
        return endpoints.stream().allMatch(endpoint -> endpoint.name() == null || names.add(endpoint.name()));
    }

    /**
     * One configured endpoint.
     *
     * @param name unique, short name used in logs and dead-letter headers
     * @param url absolute http(s) URL the webhooks are POSTed to
     * @param secret the signing secret, {@code whsec_<base64>}; never logged
     * @param eventTypes the event types to deliver; empty = every type
     */
    public record ConfiguredEndpoint(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                    message = "must be 1-64 letters, digits, '.', '_' or '-'") String name,
            @NotBlank String url,
            @NotBlank String secret,
            @DefaultValue List<@NotNull @Pattern(regexp = "^[a-z]+(\\.[a-z_]+)+$",
                    message = "must be an event type like order.paid") String> eventTypes) {

        public ConfiguredEndpoint {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        }

        @AssertTrue(message = "url must be an absolute http or https URL with a host")
        public boolean isUrlValid() {
            return url == null || parseHttpUrl(url) != null;
        }

        @AssertTrue(message = "secret must be whsec_ followed by the base64 of at least 16 bytes")
        public boolean isSecretValid() {
            if (secret == null) {
                return true;
            }
            try {
                WebhookSecret.parse(secret);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** The domain view; call only on a validated instance. */
        public Endpoint toEndpoint() {
            return new Endpoint(name, parseHttpUrl(url), WebhookSecret.parse(secret), new LinkedHashSet<>(eventTypes));
        }

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "ConfiguredEndpoint[name=" + name + ", url=" + Redacted.url(url) + ", secret=***, eventTypes="
                    + eventTypes + "]";
        }

        private static URI parseHttpUrl(String text) {
            try {
                URI uri = new URI(text.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                boolean http = scheme.equals("http") || scheme.equals("https");
                return http && uri.isAbsolute() && uri.getHost() != null ? uri : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
