package io.hookline.orders.system;

/**
 * The request is valid but conflicts with the resource's current state; answered with 409. The message is
 * shown to the client, so subclasses write it themselves.
 */
public abstract class ConflictException extends RuntimeException {

    private final ProblemType type;

    protected ConflictException(String message) {
        this(ProblemType.CONFLICT, message);
    }

    /** A conflict with its own problem type (a 409 one), so that clients can branch on it. */
    protected ConflictException(ProblemType type, String message) {
        super(message, null, false, false);
        if (type.status().value() != 409) {
            throw new IllegalArgumentException("a conflict is a 409, not " + type);
        }
        this.type = type;
    }

    /** The problem type to answer with. */
    public ProblemType type() {
        return type;
    }
}
