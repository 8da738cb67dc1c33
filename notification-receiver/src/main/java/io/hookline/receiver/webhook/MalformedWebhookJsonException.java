package io.hookline.receiver.webhook;

/** A correctly signed body that is not JSON at all: answered with 400 (malformed-json). */
public final class MalformedWebhookJsonException extends RuntimeException {

    MalformedWebhookJsonException() {
        super("request body is not valid JSON", null, false, false);
    }
}
