package io.hookline.orders.client;

import io.hookline.schemas.signing.CallbackSecrets;
import io.hookline.schemas.signing.WebhookSecret;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client callback secrets ({@code hookline.orders.callbacks.*}). {@link #toString()} never shows the secret.
 *
 * @param secret the platform's callback master secret ({@code whsec_…}, the same value as the dispatcher's
 *        {@code hookline.dispatcher.callbacks.secret}; env {@code HOOKLINE_ORDERS_CALLBACKS_SECRET}); each client's secret is derived
 *        from it. Empty (the default) = callbacks are off: clients are shown no callback secret
 * @param rotationGrace how long a client's previous callback secret is still signed with after a rotation
 *        (default 24h)
 */
@ConfigurationProperties("hookline.orders.callbacks")
public record CallbackProperties(@DefaultValue("") String secret, @DefaultValue("24h") Duration rotationGrace) {

    public CallbackProperties {
        if (!secret.isBlank()) {
            WebhookSecret.parse(secret);
        }
        if (rotationGrace.isNegative()) {
            throw new IllegalArgumentException("hookline.orders.callbacks.rotation-grace must not be negative");
        }
    }

    /** The derivation, when a master secret is configured. */
    Optional<CallbackSecrets> secrets() {
        return secret.isBlank() ? Optional.empty() : Optional.of(new CallbackSecrets(WebhookSecret.parse(secret)));
    }

    @Override
    public String toString() {
        return "CallbackProperties[secret=" + (secret.isBlank() ? "(none)" : "***") + ", rotationGrace="
                + rotationGrace + "]";
    }
}
