package io.hookline.support.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problem types every service shares (docs/errors.md). Those marked generic may stand for any error of their
 * status that Spring MVC raises itself; the others are raised on purpose only.
 */
public enum CommonProblem implements ProblemType {

    VALIDATION(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Request validation failed", false),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", false),
    MISSING_PARAMETER(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter", false),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", true),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", true),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", true),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", true),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", true),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", true),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict", true),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", true),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
            true),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", true),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", true);

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final boolean generic;

    CommonProblem(HttpStatus status, String slug, String title, boolean generic) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.generic = generic;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }

    /** The generic type for an error of {@code status}: {@code bad-request} or {@code internal-error} if none. */
    public static CommonProblem forStatus(HttpStatusCode status) {
        for (CommonProblem type : values()) {
            if (type.generic && type.status.value() == status.value()) {
                return type;
            }
        }
        return status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
    }
}
