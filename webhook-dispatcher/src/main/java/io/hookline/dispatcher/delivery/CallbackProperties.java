package io.hookline.dispatcher.delivery;

import io.hookline.schemas.signing.WebhookSecret;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-order callbacks ({@code hookline.dispatcher.callbacks.*}): an order created with a {@code callback_url} gets its
 * outcome events POSTed there too, through the same signing, retry and dead-letter path as endpoints.
 *
 * @param secret the {@code whsec_…} secret every callback is signed with: the platform's callback secret,
 *        which the operator hands to API clients (the same for every order, like an account-level signing
 *        secret); empty = callbacks are not delivered
 */
@ConfigurationProperties("hookline.dispatcher.callbacks")
public record CallbackProperties(@DefaultValue("") String secret) {

    /** The secret, when callbacks are on. */
    public Optional<WebhookSecret> signingSecret() {
        return secret.isBlank() ? Optional.empty() : Optional.of(WebhookSecret.parse(secret));
    }

    @Override
    public String toString() {
        return "CallbackProperties[secret=***]";
    }
}
