package io.hookline.dispatcher.signing;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.schemas.signing.WebhookSignature;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Signs webhook requests per the Standard Webhooks specification, with the timestamp taken from the
 * injected {@link Clock} at the moment of signing (so every retry carries a fresh timestamp). Stateless
 * apart from the clock; thread-safe.
 */
@Component
public class RequestSigner {

    private final Clock clock;

    public RequestSigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Signs one request body.
     *
     * @param msgId the message id (the event id)
     * @param body the exact body bytes that will be sent
     * @param secrets one secret, or several while a secret rotates (one signature each)
     */
    public SignatureHeaders sign(String msgId, byte[] body, List<WebhookSecret> secrets) {
        long timestamp = clock.instant().getEpochSecond();
        return new SignatureHeaders(msgId, timestamp, WebhookSignature.header(secrets, msgId, timestamp, body));
    }
}
