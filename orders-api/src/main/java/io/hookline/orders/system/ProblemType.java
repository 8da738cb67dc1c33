package io.hookline.orders.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The catalogue of problem types this service answers with. Each has a stable {@code type} URI
 * ({@code https://hookline.io/problems/<slug>}), a title and an HTTP status; clients may branch on the URI.
 */
public enum ProblemType {

    VALIDATION(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Request validation failed"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "idempotency-key-in-use", "Idempotency key in use"),
    ORDER_NOT_CANCELLABLE(HttpStatus.CONFLICT, "order-not-cancellable", "Order not cancellable"),
    ORDER_NOT_REFUNDABLE(HttpStatus.CONFLICT, "order-not-refundable", "Order not refundable"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

    /** Every problem type URI starts with this. */
    public static final String BASE = "https://hookline.io/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }

    /** A problem of this type with the given detail (shown to the client: never a library message). */
    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    /** Whether this type may stand for any error of its status (the specific ones are raised on purpose). */
    private boolean generic() {
        return this != MALFORMED_JSON && this != VALIDATION && this != IDEMPOTENCY_KEY_REUSED
                && this != IDEMPOTENCY_KEY_IN_USE && this != ORDER_NOT_CANCELLABLE && this != ORDER_NOT_REFUNDABLE;
    }

    static ProblemType forStatus(HttpStatusCode status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status.value() && type.generic()) {
                return type;
            }
        }
        return status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
    }
}
