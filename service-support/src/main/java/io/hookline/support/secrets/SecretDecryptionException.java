package io.hookline.support.secrets;

/**
 * A stored value could not be decrypted: it is malformed, was changed (the GCM tag does not match), or was stored
 * for another context (another row). Fatal for that value: retrying gives the same answer. The message names the
 * key id and the context, never the value.
 */
public class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }

    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
