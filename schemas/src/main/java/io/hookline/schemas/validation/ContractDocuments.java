package io.hookline.schemas.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of the platform's JSON Schema files under {@code classpath:schemas/}, as written ({@link Strictness#STRICT})
 * or in the reader's form ({@link Strictness#TOLERANT}). Stateless and thread-safe.
 */
public final class ContractDocuments {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ContractDocuments() {
    }

    /** One schema as a JSON tree in the given form. */
    public static JsonNode document(ContractSchema schema, Strictness strictness) {
        return document(schema.fileName(), strictness);
    }

    /**
     * The schema whose {@code $id} is {@code id} in the given form, or {@code null} when the id is not one of the
     * platform's ({@link ContractSchema#ID_BASE}) or names no file.
     */
    public static String textForId(String id, Strictness strictness) {
        if (id == null || !id.startsWith(ContractSchema.ID_BASE)) {
            return null;
        }
        String fileName = id.substring(ContractSchema.ID_BASE.length());
        int fragment = fileName.indexOf('#');
        if (fragment >= 0) {
            fileName = fileName.substring(0, fragment);
        }
        if (ContractDocuments.class.getClassLoader().getResource("schemas/" + fileName) == null) {
            return null;
        }
        return MAPPER.writeValueAsString(document(fileName, strictness));
    }

    private static JsonNode document(String fileName, Strictness strictness) {
        JsonNode tree = read(fileName);
        if (strictness == Strictness.TOLERANT) {
            dropClosedObjects(tree);
        }
        return tree;
    }

    private static JsonNode read(String fileName) {
        try (InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream("schemas/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema file schemas/" + fileName + " on the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code "additionalProperties": false} wherever it occurs; other values of the keyword stay. */
    private static void dropClosedObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode closed = object.get("additionalProperties");
            if (closed != null && closed.isBoolean() && !closed.booleanValue()) {
                object.remove("additionalProperties");
            }
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                dropClosedObjects(child.getValue());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ContractDocuments::dropClosedObjects);
        }
    }
}
