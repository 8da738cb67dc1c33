package io.hookline.schemas.signing;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Verifies Standard Webhooks requests against one or more secrets (several while a secret rotates).
 * Signatures are compared in constant time; timestamps further than the tolerance from now, either way,
 * are refused. Immutable and thread-safe.
 */
public final class SignatureVerifier {

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public SignatureVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to verify");
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Returns normally when the request is authentic and fresh.
     *
     * @param msgId the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header (Unix seconds)
     * @param signatureHeader the {@code webhook-signature} header
     * @param body the exact request body bytes
     */
    public void verify(String msgId, String timestamp, String signatureHeader, byte[] body)
            throws WebhookVerificationException {
        if (isBlank(msgId) || isBlank(timestamp) || isBlank(signatureHeader)) {
            throw new WebhookVerificationException.MissingHeaders("webhook-id, webhook-timestamp and "
                    + "webhook-signature headers are required");
        }
        long seconds = parseSeconds(timestamp);
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > tolerance.toSeconds()) {
            throw new WebhookVerificationException.TimestampOutOfTolerance("webhook-timestamp is outside the "
                    + "accepted tolerance of " + tolerance.toSeconds() + " s");
        }
        for (WebhookSecret secret : secrets) {
            byte[] expected = WebhookSignature.mac(secret, msgId, seconds, body);
            if (anyMatches(signatureHeader, expected)) {
                return;
            }
        }
        throw new WebhookVerificationException.NoMatchingSignature("no webhook-signature matches");
    }

    private static boolean anyMatches(String header, byte[] expected) {
        boolean matched = false;
        for (String candidate : header.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !WebhookSignature.VERSION.equals(candidate.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    private static long parseSeconds(String timestamp) throws WebhookVerificationException {
        try {
            return Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException.MissingHeaders("webhook-timestamp must be Unix seconds");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
