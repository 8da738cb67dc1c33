package io.hookline.orders.system;

import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request body one by one and collects every violation, so a client learns about
 * all bad fields in one answer. Fields are read from the raw tree rather than bound to a type because a type
 * mismatch (a number where a decimal string belongs) is a validation error on that field, not a 400.
 *
 * <p>Not thread-safe: one instance per request.
 */
public final class JsonFields {

    private final JsonNode body;
    private final List<FieldViolation> violations = new ArrayList<>();
    private final Set<String> rejected = new LinkedHashSet<>();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /**
     * Starts reading a body.
     *
     * @throws RequestValidationException if the body is not a JSON object
     */
    public static JsonFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RequestValidationException(List.of(new FieldViolation("", "must be a JSON object")));
        }
        return new JsonFields(body);
    }

    /** A required string field; records a violation and returns {@code null} when absent or not a string. */
    public String requiredString(String field, String notAStringMessage) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return null;
        }
        return string(field, node, notAStringMessage);
    }

    /** A required string field that must contain a non-whitespace character. */
    public String requiredText(String field) {
        String value = requiredString(field, "must be a string");
        if (value != null && value.isBlank()) {
            reject(field, "must not be blank");
            return null;
        }
        return value;
    }

    /** An optional string field; {@code null} when absent or JSON null. */
    public String optionalString(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return string(field, node, "must be a string");
    }

    /** A required integer field (a JSON integer that fits an {@code int}); {@code null} when invalid. */
    public Integer requiredInt(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            reject(field, "must be an integer");
            return null;
        }
        return node.intValue();
    }

    /** Records a violation; only the first one per field is kept. */
    public void reject(String field, String message) {
        if (rejected.add(field)) {
            violations.add(new FieldViolation(field, message));
        }
    }

    /** Whether no violation was recorded for the field so far. */
    public boolean isValid(String field) {
        return !rejected.contains(field);
    }

    /** Throws with every violation collected, if there is any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }

    private String string(String field, JsonNode node, String notAStringMessage) {
        if (!node.isString()) {
            reject(field, notAStringMessage);
            return null;
        }
        return node.stringValue();
    }
}
