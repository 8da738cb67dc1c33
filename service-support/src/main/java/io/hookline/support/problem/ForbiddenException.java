package io.hookline.support.problem;

/** Authenticated, but the credential lacks the permission the request needs: 403 {@code forbidden}. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(CommonProblem.FORBIDDEN, detail);
    }
}
