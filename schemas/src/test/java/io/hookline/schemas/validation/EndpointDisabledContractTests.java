package io.hookline.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.events.EndpointDisabled;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EndpointDisabledContractTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ContractValidator validator = new ContractValidator(mapper);

    private final EndpointDisabled disabled = new EndpointDisabled("ep_0123456789abcdef01234567",
            "https://shop.example/hooks", "every attempt failed for 5 days (P5D)",
            Instant.parse("2026-11-17T10:15:30.123Z"), Instant.parse("2026-11-22T10:16:00Z"));
    private final EventEnvelope<EndpointDisabled> event = new EventEnvelope<>(
            UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), EventTypes.ENDPOINT_DISABLED,
            Instant.parse("2026-11-22T10:16:00Z"), disabled);

    @Test
    void serializedEndpointDisabledEventConformsToTheEnvelopeSchema() {
        String json = mapper.writeValueAsString(event);

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json)).isEmpty();
        assertThat(validator.validateObject(ContractSchema.ENDPOINT_DISABLED, disabled)).isEmpty();
        assertThat(json).contains("\"type\":\"endpoint.disabled\"", "\"endpoint_id\":\"ep_0123456789abcdef01234567\"",
                "\"failing_since\":\"2026-11-17T10:15:30.123Z\"", "\"disabled_at\":\"2026-11-22T10:16:00Z\"");
    }

    @Test
    void envelopeChecksTheEndpointDisabledPayloadByType() {
        ObjectNode json = mapper.valueToTree(event);
        ObjectNode data = (ObjectNode) json.get("data");
        data.remove("failing_since");
        data.put("url", "ftp://shop.example/hooks");

        assertThat(validator.validate(ContractSchema.EVENT_ENVELOPE, json))
                .extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder("data.failing_since", "data.url");
    }
}
