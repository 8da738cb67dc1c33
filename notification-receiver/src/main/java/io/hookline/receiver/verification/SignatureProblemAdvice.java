package io.hookline.receiver.verification;

import io.hookline.schemas.signing.WebhookVerificationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A webhook whose signature does not verify is a 403 {@code invalid-signature}. (The verifier is framework-free
 * code in {@code schemas}, so its exception is mapped here; every other error is service-support's
 * {@code ProblemAdvice}, which is asked after this one.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignatureProblemAdvice {

    @ExceptionHandler(WebhookVerificationException.class)
    ProblemDetail invalidSignature(WebhookVerificationException e) {
        // The subtypes' messages are written to be shown to the sender: no secret, no expected signature.
        return VerificationProblem.INVALID_SIGNATURE.detail(e.getMessage());
    }
}
