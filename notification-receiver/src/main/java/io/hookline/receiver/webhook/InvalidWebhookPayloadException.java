package io.hookline.receiver.webhook;

import io.hookline.schemas.validation.SchemaViolation;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.util.List;

/** A correctly signed JSON body that breaks the order.paid webhook contract: answered with 422, every field listed. */
public final class InvalidWebhookPayloadException extends RequestValidationException {

    InvalidWebhookPayloadException(List<SchemaViolation> violations) {
        super("The webhook body breaks the order.paid contract.", violations.stream()
                .map(violation -> new FieldViolation(violation.field(), violation.message())).toList());
    }
}
