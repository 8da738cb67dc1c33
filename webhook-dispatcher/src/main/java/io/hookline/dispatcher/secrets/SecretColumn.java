package io.hookline.dispatcher.secrets;

import io.hookline.support.secrets.SecretCipher;
import org.springframework.stereotype.Component;

/**
 * How endpoint signing secrets are kept in {@code endpoint_secrets.secret}: encrypted by the {@link SecretCipher}
 * under the active key, bound to the context {@code endpoint_secrets.secret:<endpoint id>}, so a value copied to
 * another endpoint's row does not decrypt there (two secrets of one endpoint may be swapped between its own rows:
 * both are that endpoint's). Refuses to start without an active key: the dispatcher never writes a secret in
 * clear. Thread-safe.
 */
@Component
public class SecretColumn {

    static final String CONTEXT = "endpoint_secrets.secret:";

    private final SecretCipher cipher;

    SecretColumn(SecretCipher cipher) {
        if (cipher.activeKeyId().isEmpty()) {
            throw new IllegalStateException("The dispatcher stores endpoint secrets encrypted: set "
                    + "hookline.secrets.active-key and hookline.secrets.keys.<key-id> (docs/security.md)");
        }
        this.cipher = cipher;
    }

    /** The stored form of an endpoint's secret: encrypted under the active key. */
    public String seal(String endpointId, String secret) {
        return cipher.encrypt(secret, CONTEXT + endpointId);
    }

    /**
     * The secret a stored value holds. A clear-text value (written before secrets were encrypted) is returned as it
     * is, until the re-encryption loop has encrypted it.
     *
     * @throws io.hookline.support.secrets.SecretDecryptionException if it cannot be decrypted (the message names
     *     the key id, never the value)
     */
    public String open(String endpointId, String stored) {
        return SecretCipher.isEncrypted(stored) ? cipher.decrypt(stored, CONTEXT + endpointId) : stored;
    }

    /** What every value under the active key starts with (no SQL wildcard: key ids are letters, digits, '.', '-'). */
    String activePrefix() {
        return cipher.activePrefix();
    }

    String activeKeyId() {
        return cipher.activeKeyId().orElseThrow();
    }

    @Override
    public String toString() {
        return "SecretColumn[" + cipher + "]";
    }
}
