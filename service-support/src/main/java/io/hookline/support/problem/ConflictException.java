package io.hookline.support.problem;

/**
 * The request is valid but conflicts with the resource's current state: 409, {@code conflict} or a 409 type of the
 * feature's own (so that clients can branch on it). The detail is shown to the client.
 */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        this(CommonProblem.CONFLICT, detail);
    }

    public ConflictException(ProblemType type, String detail) {
        super(requireConflict(type), detail);
    }

    private static ProblemType requireConflict(ProblemType type) {
        if (type.status().value() != 409) {
            throw new IllegalArgumentException("a conflict is a 409, not " + type);
        }
        return type;
    }
}
