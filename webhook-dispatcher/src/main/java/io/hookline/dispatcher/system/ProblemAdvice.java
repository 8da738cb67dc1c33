package io.hookline.dispatcher.system;

import io.hookline.dispatcher.system.ApiExceptions.ConflictException;
import io.hookline.dispatcher.system.ApiExceptions.NotFoundException;
import io.hookline.dispatcher.system.ApiExceptions.RequestValidationException;
import io.hookline.dispatcher.system.ApiExceptions.UnauthorizedException;
import io.hookline.dispatcher.system.ApiExceptions.UnavailableException;
import io.hookline.support.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 problem details with a stable {@link ProblemType} URI;
 * library messages and stack traces never leave the process.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<Object> validation(RequestValidationException ex) {
        ProblemDetail problem = problem(ProblemType.VALIDATION,
                "The request has " + ex.violations().size() + " invalid field(s); see errors.");
        problem.setProperty("errors", ex.violations());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        ProblemDetail problem = problem(ProblemType.NOT_FOUND, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        ProblemDetail problem = problem(ProblemType.CONFLICT, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<Object> unavailable(UnavailableException ex) {
        ProblemDetail problem = problem(ProblemType.UNAVAILABLE, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<Object> unauthorized(UnauthorizedException ex) {
        ProblemDetail problem = problem(ProblemType.UNAUTHORIZED, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
    }

    /** A body stream cut off past {@code dispatcher.api.max-request-body} (chunked, or longer than declared). */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(RequestBodyTooLargeException ex) {
        ProblemDetail problem = problem(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body must not exceed " + ex.limit() + " bytes.");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        ProblemDetail problem = problem(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side; nothing was changed unless the answer said so.");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge);
        }
        ProblemDetail problem = problem(ProblemType.MALFORMED_JSON, "The request body is missing or is not valid JSON.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Every other exception Spring MVC handles (404, 405, 415, …) gets our types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Object problem = body;
        if (!(body instanceof ProblemDetail detail && detail.getType().toString().startsWith(ProblemType.BASE))) {
            ProblemType type = ProblemType.forStatus(status);
            problem = problem(type, "The request could not be processed (" + type.title().toLowerCase() + ").");
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
