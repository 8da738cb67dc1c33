package io.hookline.support.problem;

import java.util.List;

/**
 * The request is well-formed but breaks the API's rules: 422 {@code validation}, every invalid field listed under
 * {@code errors} ({@code [{"field": ..., "message": ...}]}); nothing was changed.
 */
public class RequestValidationException extends ProblemException {

    private final transient List<FieldViolation> violations;

    public RequestValidationException(List<FieldViolation> violations) {
        this("The request has " + violations.size() + " invalid field(s); see errors.", violations);
    }

    /** With a detail of the caller's, e.g. naming the contract that was broken. */
    public RequestValidationException(String detail, List<FieldViolation> violations) {
        super(CommonProblem.VALIDATION, detail);
        this.violations = List.copyOf(violations);
        property("errors", this.violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
