package io.hookline.schemas.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates documents against the platform's JSON Schemas (draft 2020-12, formats asserted), either as a producer
 * ({@link Strictness#STRICT}: the files as written) or as a consumer ({@link Strictness#TOLERANT}: unknown fields
 * accepted, docs/event-contracts.md). Schemas are loaded from the classpath once; instances are thread-safe and
 * meant to be shared.
 */
public final class ContractValidator {

    private final Map<ContractSchema, Schema> schemas = new EnumMap<>(ContractSchema.class);
    private final JsonMapper mapper;
    private final Strictness strictness;

    /** A producer's validator: the schemas as written. */
    public ContractValidator() {
        this(JsonMapper.builder().build());
    }

    /** A producer's validator: the schemas as written. */
    public ContractValidator(JsonMapper mapper) {
        this(mapper, Strictness.STRICT);
    }

    /** A consumer's validator: fields the schemas do not name are accepted at every level. */
    public static ContractValidator tolerant() {
        return new ContractValidator(JsonMapper.builder().build(), Strictness.TOLERANT);
    }

    public ContractValidator(JsonMapper mapper, Strictness strictness) {
        this.mapper = mapper;
        this.strictness = strictness;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemas(id -> ContractDocuments.textForId(id, strictness)));
        for (ContractSchema schema : ContractSchema.values()) {
            schemas.put(schema, registry.getSchema(SchemaLocation.of(schema.id())));
        }
    }

    /** Whether this validator is a producer's or a consumer's. */
    public Strictness strictness() {
        return strictness;
    }

    /** The violations of a parsed document; empty when it conforms. */
    public List<SchemaViolation> validate(ContractSchema schema, JsonNode document) {
        return schemas.get(schema).validate(document).stream().map(ContractValidator::toViolation).toList();
    }

    /** The violations of a JSON text; a text that is not JSON is one violation of the whole document. */
    public List<SchemaViolation> validate(ContractSchema schema, String json) {
        JsonNode document;
        try {
            document = mapper.readTree(json);
        } catch (JacksonException e) {
            return List.of(new SchemaViolation("", "is not valid JSON"));
        }
        return validate(schema, document);
    }

    /** The violations of an object once serialized the way it travels. */
    public List<SchemaViolation> validateObject(ContractSchema schema, Object value) {
        return validate(schema, mapper.valueToTree(value));
    }

    private static SchemaViolation toViolation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        String location = dotted(pointer);
        String field = location;
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field = location.isEmpty() ? error.getProperty() : location + "." + error.getProperty();
        }
        String message = error.getMessage();
        if (message.startsWith(pointer + ": ")) {
            message = message.substring(pointer.length() + 2);
        }
        return new SchemaViolation(field, message);
    }

    /** {@code /data/unit_price} (a JSON Pointer) becomes {@code data.unit_price}. */
    private static String dotted(String pointer) {
        String path = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        return path.replace('/', '.');
    }
}
