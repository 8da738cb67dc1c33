package io.hookline.support.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * An error a feature raises on purpose: its status, type URI, title, detail and extra properties are the answer
 * (service-support's {@code ProblemAdvice} only writes it), so the code that handles errors needs to know no feature exception.
 * The detail is shown to the client: write it yourself, never pass a library message through. No stack trace is
 * recorded (these are answers, not bugs); a cause keeps its own.
 */
public class ProblemException extends ErrorResponseException {

    private final transient ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, @Nullable Throwable cause) {
        super(type.status(), type.detail(detail), cause);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** The text shown to the client. */
    public String detail() {
        return getBody().getDetail();
    }

    /** Adds a member to the problem detail, e.g. {@code errors} (written at the top level of the JSON). */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }

    /** The detail, so that logs and assertions read what the client reads. */
    @Override
    public String getMessage() {
        return detail();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
