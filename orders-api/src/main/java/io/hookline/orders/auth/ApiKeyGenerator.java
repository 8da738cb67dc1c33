package io.hookline.orders.auth;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Makes new API keys: {@code sk_live_} or {@code sk_test_} (after {@code hookline.orders.auth.key-environment}) and 32
 * random bytes from {@link SecureRandom} in URL-safe Base64 (43 characters). Thread-safe.
 */
@Component
public class ApiKeyGenerator {

    /** Characters of a key kept in clear for telling keys apart: {@code sk_live_} and four more. */
    public static final int VISIBLE_PREFIX_LENGTH = 12;

    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random;
    private final String prefix;

    ApiKeyGenerator(SecureRandom random, AuthProperties properties) {
        this.random = random;
        this.prefix = "sk_" + properties.keyEnvironment() + "_";
    }

    /** A fresh key, to show once and store only as {@link ApiKeyHash}. */
    public String newKey() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The part of a key that is stored in clear and shown in listings. */
    public static String visiblePrefix(String key) {
        return key.substring(0, Math.min(VISIBLE_PREFIX_LENGTH, key.length()));
    }
}
