package io.hookline.receiver.verification;

import io.hookline.support.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The receiver's own problem type (docs/errors.md), beside the common ones. */
public enum VerificationProblem implements ProblemType {

    /** The Standard Webhooks signature or timestamp does not verify: 403. */
    INVALID_SIGNATURE;

    @Override
    public String slug() {
        return "invalid-signature";
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String title() {
        return "Invalid signature";
    }
}
