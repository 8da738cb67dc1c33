package io.hookline.orders.outbox;

import io.hookline.schemas.validation.SchemaViolation;
import java.util.List;
import java.util.UUID;

/**
 * An event about to enter the outbox breaks its JSON Schema: a bug on our side, never the client's. Thrown inside
 * the transaction of the change, so the change, the outbox row and the idempotency answer roll back together,
 * and the request is answered with a 500 {@code internal-error} problem; nothing poisons {@code orders.events}.
 */
public final class EventContractViolationException extends IllegalStateException {

    private final List<SchemaViolation> violations;

    EventContractViolationException(UUID eventId, String eventType, List<SchemaViolation> violations) {
        super("Event " + eventId + " (" + eventType + ") breaks its contract: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<SchemaViolation> violations() {
        return violations;
    }
}
