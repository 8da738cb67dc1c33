package io.hookline.dispatcher.fanout;

import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the value of a source record ({@code orders.events} or another {@code hookline.dispatcher.topics.sources} topic) into
 * an {@link IncomingEvent}: parses the JSON, validates it against the event envelope schema in tolerant mode (a
 * consumer: fields it does not know, at any level, are accepted and passed through; for the platform's own types
 * the payload is checked against the type's schema, a type it does not know only against the envelope) and
 * serializes the webhook body
 * {@code {"type", "timestamp", "data"}}, with {@code data} passed through as received (decimals keep their
 * scale) so that the dispatcher need not know every event type. Thread-safe.
 */
@Component
public class EventReader {

    private static final int MAX_VIOLATIONS_SHOWN = 5;

    /** Lossless for pass-through: decimals stay BigDecimal with their scale; trailing junk is refused. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ContractValidator validator;

    /** Reads tolerantly: fields the envelope and payload schemas do not name are passed through, not refused. */
    public EventReader() {
        this.validator = ContractValidator.tolerant();
    }

    /**
     * Reads one record value.
     *
     * @throws PoisonEventException if the value is missing, not JSON or off-schema
     */
    public IncomingEvent read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("the record has no value");
        }
        JsonNode document = parse(value);
        List<SchemaViolation> violations = validator.validate(ContractSchema.EVENT_ENVELOPE, document);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("the event breaks the envelope schema: " + summary(violations));
        }
        UUID id = UUID.fromString(document.get("id").asString());
        String type = document.get("type").asString();
        JsonNode callback = document.get("data").get("callback_url");
        String callbackUrl = callback != null && callback.isString() && !callback.asString().isBlank()
                ? callback.asString() : null;
        return new IncomingEvent(id, type, webhookBody(document), callbackUrl);
    }

    private static JsonNode parse(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (JacksonException e) {
            throw new PoisonEventException("the value is not valid JSON");
        }
    }

    private static String webhookBody(JsonNode event) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("type", event.get("type"));
        body.set("timestamp", event.get("occurred_at"));
        body.set("data", event.get("data"));
        return MAPPER.writeValueAsString(body);
    }

    private static String summary(List<SchemaViolation> violations) {
        String shown = violations.stream().limit(MAX_VIOLATIONS_SHOWN).map(SchemaViolation::toString)
                .collect(Collectors.joining("; "));
        int hidden = violations.size() - MAX_VIOLATIONS_SHOWN;
        return hidden > 0 ? shown + "; and " + hidden + " more" : shown;
    }
}
