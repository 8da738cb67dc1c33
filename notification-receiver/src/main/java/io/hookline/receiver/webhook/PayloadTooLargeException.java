package io.hookline.receiver.webhook;

import io.hookline.support.problem.CommonProblem;
import io.hookline.support.problem.ProblemException;

/** The request body is larger than {@code hookline.receiver.max-body-size}: answered with 413. */
public final class PayloadTooLargeException extends ProblemException {

    private final long limitBytes;

    PayloadTooLargeException(long limitBytes) {
        super(CommonProblem.PAYLOAD_TOO_LARGE, "The request body exceeds " + limitBytes + " bytes.");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
