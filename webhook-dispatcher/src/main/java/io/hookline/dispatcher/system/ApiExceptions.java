package io.hookline.dispatcher.system;

import java.util.List;

/** The exceptions the API's controllers throw; {@link ProblemAdvice} turns each into a problem detail. */
public final class ApiExceptions {

    private ApiExceptions() {
    }

    /** One invalid field of a request. */
    public record FieldViolation(String field, String message) {
    }

    /** 422 with every invalid field listed; nothing was changed. */
    public static class RequestValidationException extends RuntimeException {

        private final List<FieldViolation> violations;

        public RequestValidationException(List<FieldViolation> violations) {
            super("invalid request", null, false, false);
            this.violations = List.copyOf(violations);
        }

        public List<FieldViolation> violations() {
            return violations;
        }
    }

    /** 404; the message is shown to the caller. */
    public static class NotFoundException extends RuntimeException {

        public NotFoundException(String message) {
            super(message, null, false, false);
        }
    }

    /** 401: no or a wrong admin credential. */
    public static class UnauthorizedException extends RuntimeException {

        public UnauthorizedException(String message) {
            super(message, null, false, false);
        }
    }

    /** 409: the request does not fit the resource's current state; the message is shown to the caller. */
    public static class ConflictException extends RuntimeException {

        public ConflictException(String message) {
            super(message, null, false, false);
        }
    }

    /** 503: a dependency (Kafka) did not answer in time; nothing was changed. The message is shown. */
    public static class UnavailableException extends RuntimeException {

        public UnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
