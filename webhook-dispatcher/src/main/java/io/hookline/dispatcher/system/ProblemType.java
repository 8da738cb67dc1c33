package io.hookline.dispatcher.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The stable problem types of the dispatcher's API ({@code https://hookline.io/problems/<slug>}). */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.UNPROCESSABLE_CONTENT, "Request validation failed"),
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Admin credential required"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict with the current state"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE = "https://hookline.io/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    static ProblemType forStatus(HttpStatusCode status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status.value()) {
                return type;
            }
        }
        return status.is5xxServerError() ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
