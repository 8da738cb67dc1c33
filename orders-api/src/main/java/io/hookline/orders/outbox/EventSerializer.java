package io.hookline.orders.outbox;

import io.hookline.schemas.events.EventEnvelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event envelope as the JSON text that is stored in the outbox and travels on {@code orders.events}
 * (the application's mapper: snake_case, ISO-8601 instants). Its own type so that a test can put a faulty one
 * in its place and see the contract check in {@link Outbox} stop the event. Thread-safe.
 */
@Component
public class EventSerializer {

    private final JsonMapper mapper;

    public EventSerializer(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String serialize(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }
}
