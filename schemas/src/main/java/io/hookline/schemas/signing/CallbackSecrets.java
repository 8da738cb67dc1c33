package io.hookline.schemas.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each API client's own callback signing secret, derived from the platform's callback master secret: the
 * orders API shows a client its secret (once, and after each rotation), the dispatcher signs that client's
 * {@code callback_url} webhooks with it, and neither stores it. A client knows only its own secret, so it
 * cannot forge another client's callbacks; rotating bumps the client's version, which derives an unrelated
 * secret.
 *
 * <p>Derivation (fixed; changing it invalidates every client's secret): {@code HMAC-SHA256(master key,
 * "hookline/callback-secret/v1" 0x00 client id 0x00 decimal version)}, the 32 bytes being the new secret's
 * key. Stateless and thread-safe.
 */
public final class CallbackSecrets {

    private static final String LABEL = "hookline/callback-secret/v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] masterKey;

    public CallbackSecrets(WebhookSecret master) {
        this.masterKey = Objects.requireNonNull(master, "master").key();
    }

    /** The secret of {@code clientId} at {@code version} (≥ 1). */
    public WebhookSecret derive(String clientId, int version) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a callback secret needs a client id");
        }
        if (version < 1) {
            throw new IllegalArgumentException("callback secret versions start at 1");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(masterKey, ALGORITHM));
            byte[] info = (LABEL + '\0' + clientId + '\0' + version).getBytes(StandardCharsets.UTF_8);
            return WebhookSecret.parse(java.util.Base64.getEncoder().encodeToString(mac.doFinal(info)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Parses the {@code callback_key_versions} header value ({@code "3"}, or {@code "3,2"} while a rotation's
     * grace period lasts; newest first).
     *
     * @throws IllegalArgumentException if it is empty or holds anything but positive integers
     */
    public static List<Integer> parseVersions(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("no callback key versions");
        }
        try {
            List<Integer> versions = java.util.Arrays.stream(header.split(",")).map(String::trim)
                    .map(Integer::valueOf).toList();
            if (versions.stream().anyMatch(v -> v < 1) || versions.size() > 4) {
                throw new IllegalArgumentException("callback key versions must be 1 to 4 positive integers");
            }
            return versions;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("callback key versions must be integers: " + header);
        }
    }

    /** The header value for {@code versions}, newest first. */
    public static String formatVersions(List<Integer> versions) {
        return String.join(",", versions.stream().map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        return "CallbackSecrets[master=***]";
    }
}
