package io.hookline.orders.idempotency;

import io.hookline.support.problem.ConflictException;

/** Another request with the same key is still running; answered with 409. Retrying later is safe. */
public class IdempotencyKeyInUseException extends ConflictException {

    IdempotencyKeyInUseException(String key) {
        super(IdempotencyProblem.IDEMPOTENCY_KEY_IN_USE, "A request with Idempotency-Key " + key + " is still being processed; retry in a moment to get "
                + "its response.");
    }
}
