package io.hookline.schemas.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme: {@code v1,<base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))>}.
 * Stateless and thread-safe.
 */
public final class WebhookSignature {

    /** The only signature version the specification defines for symmetric keys. */
    public static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** Signs one message with one secret; returns {@code v1,<base64>}. */
    public static String sign(WebhookSecret secret, String msgId, long timestampSeconds, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(secret, msgId, timestampSeconds, body));
    }

    /** Signs a UTF-8 body. */
    public static String sign(WebhookSecret secret, String msgId, long timestampSeconds, String body) {
        return sign(secret, msgId, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code webhook-signature} header value: one signature per secret, space-separated, so that a
     * receiver holding either the old or the new secret verifies the request while a secret rotates.
     */
    public static String header(List<WebhookSecret> secrets, String msgId, long timestampSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign");
        }
        return secrets.stream()
                .map(secret -> sign(secret, msgId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static byte[] mac(WebhookSecret secret, String msgId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
