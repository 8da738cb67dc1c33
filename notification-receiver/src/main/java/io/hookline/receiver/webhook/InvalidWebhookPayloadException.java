package io.hookline.receiver.webhook;

import io.hookline.schemas.validation.SchemaViolation;
import java.util.List;

/** A correctly signed JSON body that breaks the order.paid webhook contract: answered with 422. */
public final class InvalidWebhookPayloadException extends RuntimeException {

    private final List<SchemaViolation> violations;

    InvalidWebhookPayloadException(List<SchemaViolation> violations) {
        super("webhook body breaks its contract", null, false, false);
        this.violations = List.copyOf(violations);
    }

    /** Every failing field, with the reason. */
    public List<SchemaViolation> violations() {
        return violations;
    }
}
