package io.hookline.support.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for storage with AES-256-GCM (a random 96-bit IV per value, a 128-bit tag) under the active key
 * of {@link SecretsProperties}, and decrypts them with whichever configured key they name. The stored form is
 * {@value #PREFIX}{@code <key-id>:<base64(iv ‖ ciphertext ‖ tag)>}.
 *
 * <p>The additional authenticated data is {@code enc:v1:<key-id>:<context>}: the key id, so a value cannot be
 * relabelled with another key id, and a context the caller chooses (its table, column and row owner, e.g.
 * {@code endpoint_secrets.secret:ep_123}), so a value copied to another row fails to decrypt there.
 *
 * <p>Thread-safe (a {@link Cipher} per call). {@link #toString()} names the key ids, never a key.
 */
public final class SecretCipher {

    /** How every encrypted value starts (format version 1). */
    public static final String PREFIX = "enc:v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecureRandom random;

    public SecretCipher(SecretsProperties properties, SecureRandom random) {
        properties.keys().keySet().forEach(id -> keys.put(id, new SecretKeySpec(properties.key(id), "AES")));
        this.activeKey = properties.activeKey();
        this.random = random;
    }

    /** The key id new values are encrypted under, if one is configured. */
    public Optional<String> activeKeyId() {
        return activeKey.isEmpty() ? Optional.empty() : Optional.of(activeKey);
    }

    /** Whether the value is in the encrypted form (under any key). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the value is encrypted under the active key (false for clear text and for older keys). */
    public boolean isUnderActiveKey(String stored) {
        return !activeKey.isEmpty() && isEncrypted(stored) && stored.startsWith(activePrefix());
    }

    /** {@value #PREFIX}{@code <active key id>:}, what every value under the active key starts with. */
    public String activePrefix() {
        return PREFIX + requireActiveKey() + ":";
    }

    /**
     * Encrypts {@code plaintext} under the active key, bound to {@code context}.
     *
     * @throws IllegalStateException if no active key is configured
     */
    public String encrypt(String plaintext, String context) {
        String keyId = requireActiveKey();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(keyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed under key id '" + keyId + "'", e);
        }
    }

    /**
     * Decrypts a value {@link #encrypt} made for the same {@code context}.
     *
     * @throws UnknownSecretKeyException if its key id is not configured
     * @throws SecretDecryptionException if it is malformed, was changed, or belongs to another context
     */
    public String decrypt(String stored, String context) {
        if (!isEncrypted(stored)) {
            throw new SecretDecryptionException("a stored secret (" + context + ") is not in the " + PREFIX + " form");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretDecryptionException("a stored secret (" + context + ") has no key id");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnknownSecretKeyException(keyId, context);
        }
        return decrypt(keyId, key, stored.substring(colon + 1), context);
    }

    /** The key id a stored value names, if it is encrypted. */
    public static Optional<String> keyIdOf(String stored) {
        if (!isEncrypted(stored)) {
            return Optional.empty();
        }
        int colon = stored.indexOf(':', PREFIX.length());
        return colon < 0 ? Optional.empty() : Optional.of(stored.substring(PREFIX.length(), colon));
    }

    private String decrypt(String keyId, SecretKey key, String base64, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("a stored secret (" + context + ") under key id '" + keyId
                    + "' is not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("a stored secret (" + context + ") under key id '" + keyId
                    + "' is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId, context));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("a stored secret (" + context + ") under key id '" + keyId
                    + "' failed authentication: it was changed, or was stored for another row");
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("AES-GCM decryption failed under key id '" + keyId + "'", e);
        }
    }

    private String requireActiveKey() {
        if (activeKey.isEmpty()) {
            throw new IllegalStateException("no key to encrypt secrets with: set hookline.secrets.active-key and "
                    + "hookline.secrets.keys.<key-id>");
        }
        return activeKey;
    }

    private static byte[] aad(String keyId, String context) {
        return (PREFIX + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** Names the key ids, never a key. */
    @Override
    public String toString() {
        return "SecretCipher[activeKey=" + activeKey + ", keys=" + keys.keySet() + " (redacted)]";
    }
}
