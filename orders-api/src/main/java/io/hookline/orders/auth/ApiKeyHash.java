package io.hookline.orders.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of an API key: SHA-256 of its UTF-8 bytes, in lower-case hex. A plain hash is right for keys
 * of 32 random bytes (nothing to brute-force, unlike passwords) and lets a request's key be found by an index
 * lookup. Thread-safe.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    /** The raw 32-byte digest, for comparisons in constant time. */
    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
