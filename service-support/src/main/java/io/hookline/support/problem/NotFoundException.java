package io.hookline.support.problem;

/** A resource the request names does not exist: 404 {@code not-found}. The detail is shown to the client. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(CommonProblem.NOT_FOUND, detail);
    }
}
