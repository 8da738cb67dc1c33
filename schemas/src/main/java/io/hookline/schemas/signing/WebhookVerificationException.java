package io.hookline.schemas.signing;

/**
 * A webhook request failed verification. The subtypes say why; their messages are safe to show the
 * sender (they never contain a secret or an expected signature).
 */
public sealed class WebhookVerificationException extends Exception
        permits WebhookVerificationException.MissingHeaders,
        WebhookVerificationException.TimestampOutOfTolerance,
        WebhookVerificationException.NoMatchingSignature {

    private WebhookVerificationException(String message) {
        super(message, null, false, false);
    }

    /** A required header is absent or blank, or the timestamp is not a number. */
    public static final class MissingHeaders extends WebhookVerificationException {
        MissingHeaders(String message) {
            super(message);
        }
    }

    /** The timestamp is too old or too far in the future (replay protection). */
    public static final class TimestampOutOfTolerance extends WebhookVerificationException {
        TimestampOutOfTolerance(String message) {
            super(message);
        }
    }

    /** No {@code v1} signature in the header matches any configured secret. */
    public static final class NoMatchingSignature extends WebhookVerificationException {
        NoMatchingSignature(String message) {
            super(message);
        }
    }
}
