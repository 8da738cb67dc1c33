package io.hookline.support.web;

import io.hookline.support.problem.CommonProblem;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.ProblemException;
import io.hookline.support.problem.ProblemType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place (per service, auto-configured) that turns exceptions into RFC 9457 problem details
 * ({@code application/problem+json}) with a {@link ProblemType} URI. A {@link ProblemException} is its own answer;
 * Spring MVC's errors (400, 404, 405, 406, 413, 415, ...) get the {@link CommonProblem} of their status; anything
 * else is a 500 {@code internal-error}. Details are written here or by our own exceptions, never copied from a
 * library exception, and stack traces never leave the process. Ordered last, so that an advice of a service (for an
 * exception that is not a {@link ProblemException}) is asked first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** A body stream cut off past the service's request body limit (chunked, or longer than declared). */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
        ProblemDetail problem = CommonProblem.PAYLOAD_TOO_LARGE.detail(
                "The request body must not exceed " + ex.limit() + " bytes.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), problem(problem), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error while handling a request", ex);
        ProblemDetail problem = CommonProblem.INTERNAL_ERROR.detail("Something went wrong on our side; nothing was "
                + "changed unless the answer said so. Try again later.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), problem(problem), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        ProblemDetail problem = CommonProblem.MALFORMED_JSON.detail("The request body is missing or is not valid JSON.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = CommonProblem.UNSUPPORTED_MEDIA_TYPE.detail(
                "The request body must be sent as Content-Type: application/json.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = CommonProblem.MISSING_PARAMETER.detail(
                "The query parameter " + ex.getParameterName() + " is required.");
        problem.setProperty("errors", List.of(new FieldViolation(ex.getParameterName(), "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Every answer passes here: one of ours keeps its type; every other error Spring MVC handles gets the common
     * type of its status and our fixed detail. Always {@code application/problem+json}, also for errors raised before
     * a handler was chosen (which would otherwise be negotiated to plain JSON).
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring passes an ErrorResponse (our ProblemException among them) without its body.
        Object given = body == null && ex instanceof ErrorResponse response ? response.getBody() : body;
        ProblemDetail problem;
        if (given instanceof ProblemDetail detail && isOurs(detail)) {
            problem = detail;
        } else {
            CommonProblem type = CommonProblem.forStatus(status);
            problem = type.detail(genericDetail(type));
        }
        if (ex instanceof ProblemException ours && status.is5xxServerError()) {
            log.warn("Answering {} {}: {}", status.value(), ours.type().slug(), ours.getMessage(), ours.getCause());
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, problem, headers, status, request);
        if (response == null) {
            return null;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    private static boolean isOurs(ProblemDetail problem) {
        return problem.getType() != null && problem.getType().toString().startsWith(ProblemType.BASE);
    }

    private static String genericDetail(CommonProblem type) {
        return switch (type) {
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support the request's HTTP method.";
            case NOT_ACCEPTABLE -> "This API answers with application/json or application/problem+json.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be sent as Content-Type: application/json.";
            case INTERNAL_ERROR -> "Something went wrong on our side. Try again later.";
            default -> "The request could not be processed.";
        };
    }

    private static HttpStatusCode problem(ProblemDetail problem) {
        return HttpStatusCode.valueOf(problem.getStatus());
    }
}
