package io.hookline.schemas.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of the HMAC key. The key never
 * appears in {@link #toString()}; {@link #encoded()} is the one explicit way to read it back.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int GENERATED_KEY_BYTES = 32;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 bytes of key");
        }
        this.key = key.clone();
    }

    /**
     * Parses {@code whsec_<base64>} (the prefix is optional, as in the reference libraries).
     *
     * @throws IllegalArgumentException if the text is not base64 or the key is shorter than 16 bytes
     */
    public static WebhookSecret parse(String text) {
        String base64 = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        try {
            return new WebhookSecret(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret must look like whsec_<base64>");
        }
    }

    /** A fresh random secret of 32 bytes. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The secret in its shareable form {@code whsec_<base64>}. Handle with care: this is the secret. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "***";
    }
}
