package io.hookline.orders.idempotency;

import io.hookline.support.problem.ProblemException;

/** The key was first used for a different request (other body, method or path); answered with 422. */
public class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException(String key) {
        super(IdempotencyProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key + " was already used for a different request (other body or path); "
                + "use a new key for a new request.");
    }
}
