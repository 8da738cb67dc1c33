package io.hookline.orders.outbox;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.support.tracing.TraceHandoff;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where domain code puts the events its changes imply. Thread-safe.
 *
 * <p>{@link #append} must run inside the transaction that makes the change: the row then commits or rolls back
 * with it (no dual write), and {@link OutboxRelay} publishes it after the commit. The row keeps the W3C trace
 * context of the request, so the event continues that trace on Kafka although another thread publishes it.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final JsonMapper mapper;
    private final ApplicationEventPublisher events;
    private final TraceHandoff traces;

    Outbox(OutboxRepository repository, JsonMapper mapper, ApplicationEventPublisher events, TraceHandoff traces) {
        this.repository = repository;
        this.mapper = mapper;
        this.events = events;
        this.traces = traces;
    }

    /**
     * Stores an event for publication to {@code orders.events} with the given record key.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String aggregateId, EventEnvelope<?> envelope) {
        String payload = mapper.writeValueAsString(envelope);
        repository.insert(envelope.id(), aggregateId, envelope.type(), payload, envelope.occurredAt(),
                traces.current());
        events.publishEvent(new OutboxAppended(envelope.id()));
    }
}
