package io.hookline.orders.system;

import io.hookline.orders.idempotency.IdempotencyKeyInUseException;
import io.hookline.orders.idempotency.IdempotencyKeyReusedException;
import io.hookline.support.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 problem details. Every answer carries a stable
 * {@link ProblemType} URI; details are written here or by our own exceptions, never copied from a library
 * exception, and stack traces never leave the process.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<Object> validation(RequestValidationException ex) {
        ProblemDetail problem = problem(ProblemType.VALIDATION,
                "The request has " + ex.violations().size() + " invalid field(s); see errors.");
        problem.setProperty("errors", ex.violations());
        return answer(problem);
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<Object> unauthorized(UnauthorizedException ex) {
        ProblemDetail problem = problem(ProblemType.UNAUTHORIZED, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.WWW_AUTHENTICATE, ex.challenge())
                .body(problem);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException ex) {
        return answer(problem(ProblemType.FORBIDDEN, ex.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return answer(problem(ProblemType.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        return answer(problem(ProblemType.IDEMPOTENCY_KEY_REUSED, ex.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyInUseException.class)
    ResponseEntity<Object> idempotencyKeyInUse(IdempotencyKeyInUseException ex) {
        return answer(problem(ProblemType.IDEMPOTENCY_KEY_IN_USE, ex.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return answer(problem(ex.type(), ex.getMessage()));
    }

    /** A body stream cut off past {@code orders.http.max-request-body} (chunked, or longer than declared). */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(RequestBodyTooLargeException ex) {
        return answer(problem(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body must not exceed " + ex.limit() + " bytes."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        return answer(problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side; nothing was changed "
                + "unless the answer said so. Try again later."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge);
        }
        return answer(problem(ProblemType.MALFORMED_JSON, "The request body is missing or is not valid JSON."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The request body must be sent as Content-Type: application/json.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Every other exception Spring MVC handles (405, 406, 404 for unknown paths, ...) gets our types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Object problem = body;
        if (!(body instanceof ProblemDetail detail && detail.getType().toString().startsWith(ProblemType.BASE))) {
            ProblemType type = ProblemType.forStatus(status);
            problem = problem(type, genericDetail(type));
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String genericDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support the request's HTTP method.";
            case NOT_ACCEPTABLE -> "This API answers with application/json or application/problem+json.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            default -> "The request could not be processed.";
        };
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        return type.detail(detail);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
