package io.hookline.dispatcher.operations;

import io.hookline.dispatcher.delivery.DurableSender;
import io.hookline.schemas.events.EndpointDisabled;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.HeaderText;
import io.hookline.schemas.events.WebhookMessage;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells operators about the platform: each operational event is validated against its schema, produced
 * ({@code acks=all}, resent every second until Kafka takes it, through {@link DurableSender}) to
 * {@code hookline.dispatcher.operations.topic} in the platform envelope (key = the endpoint id, headers {@code event_id},
 * {@code event_type}), and POSTed to the operators' webhook ({@link OperatorWebhook}). Never blocks the caller.
 * The event id is derived from the endpoint and the time it was disabled, so a resend carries the same
 * {@code webhook-id}. Thread-safe.
 */
@Component
public class OperationalEvents {

    private static final Logger log = LoggerFactory.getLogger(OperationalEvents.class);

    private final DurableSender sender;
    private final OperatorWebhook webhook;
    private final ContractValidator validator;
    private final JsonMapper json;
    private final OperationsProperties properties;

    OperationalEvents(DurableSender sender, OperatorWebhook webhook, ContractValidator validator, JsonMapper json,
            OperationsProperties properties) {
        this.sender = sender;
        this.webhook = webhook;
        this.validator = validator;
        this.json = json;
        this.properties = properties;
    }

    /** Announces that an endpoint was disabled; answers the event id. */
    public UUID endpointDisabled(EndpointDisabled disabled) {
        UUID id = UUID.nameUUIDFromBytes((EventTypes.ENDPOINT_DISABLED + ":" + disabled.endpointId() + ":"
                + disabled.disabledAt()).getBytes(StandardCharsets.UTF_8));
        EventEnvelope<EndpointDisabled> event = new EventEnvelope<>(id, EventTypes.ENDPOINT_DISABLED,
                disabled.disabledAt(), disabled);
        List<SchemaViolation> violations = validator.validateObject(ContractSchema.EVENT_ENVELOPE, event);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("endpoint.disabled event does not match its schema: " + violations);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(properties.topic(), disabled.endpointId(),
                json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, HeaderText.encode(id));
        record.headers().add(EventHeaders.EVENT_TYPE, HeaderText.encode(event.type()));
        sender.send(record, () -> log.info("Produced {} {} for endpoint {}", event.type(), id, disabled.endpointId()));
        webhook.send(id.toString(), event.type(), json.writeValueAsString(WebhookMessage.of(event)));
        return id;
    }
}
