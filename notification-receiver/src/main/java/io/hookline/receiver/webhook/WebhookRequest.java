package io.hookline.receiver.webhook;

/**
 * A webhook request as it arrived: the three Standard Webhooks headers (any may be {@code null}) and the
 * exact body bytes the signature covers.
 */
record WebhookRequest(String id, String timestamp, String signature, byte[] body) {
}
