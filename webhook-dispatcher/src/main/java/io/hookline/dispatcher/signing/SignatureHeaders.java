package io.hookline.dispatcher.signing;

import io.hookline.schemas.signing.WebhookHeaders;
import org.springframework.http.HttpHeaders;

/**
 * The three Standard Webhooks headers of one signed request.
 *
 * @param id {@code webhook-id}: the event id
 * @param timestamp {@code webhook-timestamp}: Unix seconds of signing
 * @param signature {@code webhook-signature}: space-separated {@code v1,<base64>} values; never log it
 */
public record SignatureHeaders(String id, long timestamp, String signature) {

    /** Sets the three headers on an outgoing request. */
    public void applyTo(HttpHeaders headers) {
        headers.set(WebhookHeaders.ID, id);
        headers.set(WebhookHeaders.TIMESTAMP, Long.toString(timestamp));
        headers.set(WebhookHeaders.SIGNATURE, signature);
    }

    @Override
    public String toString() {
        return "SignatureHeaders[id=" + id + ", timestamp=" + timestamp + ", signature=***]";
    }
}
