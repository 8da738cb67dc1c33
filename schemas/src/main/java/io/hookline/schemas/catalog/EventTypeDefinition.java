package io.hookline.schemas.catalog;

import io.hookline.schemas.validation.ContractSchema;
import java.util.Objects;

/**
 * One version of one event type: what it means, where it travels, its payload's JSON Schema and an example
 * (docs/event-contracts.md).
 *
 * @param name the type, e.g. {@code order.paid}
 * @param version the contract version of the payload; additive changes keep it, breaking ones make the next
 * @param description what happened, for people
 * @param topic the Kafka topic it is published on
 * @param payloadSchema the schema of the envelope's {@code data}
 * @param deliverable whether endpoints can subscribe to it (operational events travel on Kafka only)
 * @param exampleResource the classpath resource holding an example envelope
 */
public record EventTypeDefinition(String name, int version, String description, String topic,
        ContractSchema payloadSchema, boolean deliverable, String exampleResource) {

    public EventTypeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadSchema, "payloadSchema");
        Objects.requireNonNull(exampleResource, "exampleResource");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }
}
