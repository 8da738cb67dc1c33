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
    private static final int MAX_REFERENCE_DEPTH = 16;

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

    /**
     * One schema with every {@code $ref} replaced by what it points at (the platform's schemas have no recursive
     * references), so it stands alone: what the catalog serves and what contract snapshots compare. The nested
     * documents' {@code $id} and {@code $schema} are dropped; the outer ones stay.
     */
    public static JsonNode resolved(ContractSchema schema, Strictness strictness) {
        JsonNode root = document(schema.fileName(), strictness);
        return inline(root, schema.fileName(), strictness, 0);
    }

    private static JsonNode inline(JsonNode node, String currentFile, Strictness strictness, int depth) {
        if (depth > MAX_REFERENCE_DEPTH) {
            throw new IllegalStateException("references nest deeper than " + MAX_REFERENCE_DEPTH + " in " + currentFile);
        }
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("$ref");
            if (reference != null && reference.isString()) {
                String ref = reference.asString();
                int hash = ref.indexOf('#');
                String file = hash == 0 ? currentFile : hash > 0 ? ref.substring(0, hash) : ref;
                String pointer = hash >= 0 ? ref.substring(hash + 1) : "";
                JsonNode target = document(file, strictness).at(pointer);
                if (target.isMissingNode()) {
                    throw new IllegalStateException("unresolvable $ref " + ref + " in " + currentFile);
                }
                ObjectNode replaced = (ObjectNode) inline(target.deepCopy(), file, strictness, depth + 1);
                replaced.remove("$id");
                replaced.remove("$schema");
                for (Map.Entry<String, JsonNode> sibling : object.properties()) {
                    if (!sibling.getKey().equals("$ref")) {
                        replaced.set(sibling.getKey(), inline(sibling.getValue(), currentFile, strictness, depth));
                    }
                }
                return replaced;
            }
            ObjectNode copy = object.objectNode();
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                copy.set(child.getKey(), inline(child.getValue(), currentFile, strictness, depth));
            }
            return copy;
        }
        if (node != null && node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(inline(element, currentFile, strictness, depth)));
            return copy;
        }
        return node;
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
