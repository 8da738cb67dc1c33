package io.hookline.orders.outbox;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import io.hookline.support.tracing.TraceHandoff;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where domain code puts the events its changes imply. Thread-safe.
 *
 * <p>{@link #append} must run inside the transaction that makes the change: the row then commits or rolls back
 * with it (no dual write), and {@link OutboxRelay} publishes it after the commit. The row keeps the W3C trace
 * context of the request, so the event continues that trace on Kafka although another thread publishes it.
 *
 * <p>Every event is checked against {@code event-envelope.schema.json} (which checks the data of the types it
 * knows) as the JSON text that will travel, before its row is written. A violation throws
 * {@link EventContractViolationException} inside the caller's transaction, so nothing of the change commits: a
 * bug in an event builder is a 500 now, never a poison record on {@code orders.events} later.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final EventSerializer serializer;
    private final ContractValidator contracts;
    private final ApplicationEventPublisher events;
    private final TraceHandoff traces;

    Outbox(OutboxRepository repository, EventSerializer serializer, ContractValidator contracts,
            ApplicationEventPublisher events, TraceHandoff traces) {
        this.repository = repository;
        this.serializer = serializer;
        this.contracts = contracts;
        this.events = events;
        this.traces = traces;
    }

    /**
     * Stores an event for publication to {@code orders.events} with the given record key.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     * @throws EventContractViolationException when the event breaks its schema (the transaction rolls back)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String aggregateId, EventEnvelope<?> envelope) {
        append(aggregateId, envelope, Optional.empty());
    }

    /**
     * Stores an event for publication, with the {@code client_id} and {@code callback_key_versions} headers of
     * the client it concerns, when there is one.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     * @throws EventContractViolationException when the event breaks its schema (the transaction rolls back)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String aggregateId, EventEnvelope<?> envelope, Optional<EventClient> client) {
        String payload = serializer.serialize(envelope);
        List<SchemaViolation> violations = contracts.validate(ContractSchema.EVENT_ENVELOPE, payload);
        if (!violations.isEmpty()) {
            throw new EventContractViolationException(envelope.id(), envelope.type(), violations);
        }
        repository.insert(envelope.id(), aggregateId, envelope.type(), payload, envelope.occurredAt(),
                traces.current(), client.orElse(null));
        events.publishEvent(new OutboxAppended(envelope.id()));
    }
}
