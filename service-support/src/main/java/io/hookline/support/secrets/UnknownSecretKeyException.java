package io.hookline.support.secrets;

/**
 * A stored value names a key id that {@code hookline.secrets.keys} does not configure (a key removed before
 * every value under it was re-encrypted). Fatal until the key is configured again.
 */
public final class UnknownSecretKeyException extends SecretDecryptionException {

    private final String keyId;

    public UnknownSecretKeyException(String keyId, String context) {
        super("a stored secret (" + context + ") is encrypted under key id '" + keyId
                + "', which is not configured: set hookline.secrets.keys." + keyId + " again");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
