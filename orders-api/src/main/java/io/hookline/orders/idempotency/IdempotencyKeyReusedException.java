package io.hookline.orders.idempotency;

/** The key was first used for a different request (other body, method or path); answered with 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request (other body or path); "
                + "use a new key for a new request.", null, false, false);
    }
}
