package io.hookline.receiver.system;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.inbox.InboxUnavailableException;
import io.hookline.receiver.webhook.InvalidWebhookPayloadException;
import io.hookline.receiver.webhook.MalformedWebhookJsonException;
import io.hookline.receiver.webhook.PayloadTooLargeException;
import io.hookline.schemas.signing.WebhookVerificationException;
import io.hookline.schemas.validation.SchemaViolation;
import io.hookline.support.web.RequestBodyTooLargeException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place HTTP errors become RFC 9457 problem details ({@code application/problem+json}) with a
 * stable {@code type} under {@link ProblemTypes#BASE}. Details are written here, never copied from a
 * library's exception message; validation failures list every failing field under {@code errors}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final InboxProperties inbox;

    ProblemAdvice(InboxProperties inbox) {
        this.inbox = inbox;
    }

    @ExceptionHandler(WebhookVerificationException.class)
    ProblemDetail invalidSignature(WebhookVerificationException e) {
        // The subtypes' messages are written to be shown to the sender: no secret, no expected signature.
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.INVALID_SIGNATURE, "Invalid signature", e.getMessage());
    }

    @ExceptionHandler(InvalidWebhookPayloadException.class)
    ProblemDetail invalidPayload(InvalidWebhookPayloadException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.VALIDATION,
                "Validation failed", "The webhook body breaks the order.paid contract.");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler(MalformedWebhookJsonException.class)
    ProblemDetail malformedJson(MalformedWebhookJsonException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                "The request body is not valid JSON.");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail payloadTooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body exceeds " + e.limitBytes() + " bytes.");
    }

    /** The body stream was cut off past the limit (a chunked body, or one longer than its Content-Length). */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ProblemDetail bodyStreamTooLarge(RequestBodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body exceeds " + e.limit() + " bytes.");
    }

    @ExceptionHandler(InboxUnavailableException.class)
    ResponseEntity<ProblemDetail> queueUnavailable(InboxUnavailableException e) {
        log.warn("Answering 503: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.QUEUE_UNAVAILABLE,
                "Queue unavailable", "The event could not be queued; nothing was accepted. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(inbox.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "An unexpected error occurred.");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MISSING_PARAMETER,
                "Missing parameter", "The query parameter " + e.getParameterName() + " is required.");
        problem.setProperty("errors", List.of(new SchemaViolation(e.getParameterName(), "is required")));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives Spring MVC's own error answers (415, 404, 405, ...) our {@code type} and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && isUntyped(problem)) {
            StandardProblem standard = StandardProblem.of(e, status);
            problem.setType(standard.type());
            problem.setTitle(standard.title());
            if (standard.detail() != null) {
                problem.setDetail(standard.detail());
            }
            // Errors raised before a handler is chosen (e.g. 415) would otherwise be negotiated to JSON.
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return response;
    }

    private static boolean isUntyped(ProblemDetail problem) {
        return problem.getType() == null || "about:blank".equals(problem.getType().toString());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
