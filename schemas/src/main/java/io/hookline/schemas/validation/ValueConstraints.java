package io.hookline.schemas.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The keywords of one schema node that constrain a value itself (type, const, enum, pattern, format, limits),
 * compared between a published and a current version: each rule reports where the current version accepts a
 * value the published one does not. Pure functions; used by {@link ContractCompatibility}.
 */
final class ValueConstraints {

    /** Upper bounds: the current value may only be lower or equal. */
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems",
            "maxProperties", "maxContains");

    /** Lower bounds: the current value may only be higher or equal. */
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minimum", "exclusiveMinimum", "minItems",
            "minProperties", "minContains");

    /** Keywords whose value must stay exactly as published. */
    private static final List<String> EXACT = List.of("pattern", "format", "multipleOf", "contentEncoding",
            "contentMediaType");

    private ValueConstraints() {
    }

    static void compare(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        type(path, published, current, found);
        values(path, published, current, found);
        for (String keyword : EXACT) {
            exact(path, keyword, published, current, found);
        }
        for (String keyword : UPPER_BOUNDS) {
            bound(path, keyword, published, current, true, found);
        }
        for (String keyword : LOWER_BOUNDS) {
            bound(path, keyword, published, current, false, found);
        }
        if (published.path("uniqueItems").asBoolean(false) && !current.path("uniqueItems").asBoolean(false)) {
            found.add(new Incompatibility(path, "uniqueItems dropped"));
        }
    }

    private static void type(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        if (!published.has("type")) {
            return;
        }
        Set<String> allowed = types(published.get("type"));
        if (!current.has("type")) {
            if (!current.has("const") && !current.has("enum")) {
                found.add(new Incompatibility(path, "type " + allowed + " no longer constrained"));
            }
            return;
        }
        Set<String> now = types(current.get("type"));
        for (String type : now) {
            boolean accepted = allowed.contains(type) || type.equals("integer") && allowed.contains("number");
            if (!accepted) {
                found.add(new Incompatibility(path, "type changed from " + text(allowed) + " to " + text(now)));
                return;
            }
        }
    }

    /** const and enum: the current version may allow fewer values, never a value the published one lacks. */
    private static void values(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        List<JsonNode> allowed = allowedValues(published);
        if (allowed == null) {
            return;
        }
        List<JsonNode> now = allowedValues(current);
        if (now == null) {
            found.add(new Incompatibility(path, (published.has("const") ? "const " : "enum ")
                    + published.get(published.has("const") ? "const" : "enum") + " no longer constrained"));
            return;
        }
        List<JsonNode> gained = new ArrayList<>();
        for (JsonNode value : now) {
            if (allowed.stream().noneMatch(value::equals)) {
                gained.add(value);
            }
        }
        if (!gained.isEmpty()) {
            String keyword = published.has("const") ? "const" : "enum";
            found.add(new Incompatibility(path, keyword + " gained values old readers do not know: " + gained));
        }
    }

    private static List<JsonNode> allowedValues(JsonNode schema) {
        if (schema.has("const")) {
            return List.of(schema.get("const"));
        }
        if (schema.has("enum") && schema.get("enum").isArray()) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return values;
        }
        return null;
    }

    private static void exact(String path, String keyword, JsonNode published, JsonNode current,
            List<Incompatibility> found) {
        if (published.has(keyword) && !published.get(keyword).equals(current.get(keyword))) {
            found.add(new Incompatibility(path, current.has(keyword)
                    ? keyword + " changed from " + published.get(keyword) + " to " + current.get(keyword)
                    : keyword + " " + published.get(keyword) + " dropped"));
        }
    }

    private static void bound(String path, String keyword, JsonNode published, JsonNode current, boolean upper,
            List<Incompatibility> found) {
        JsonNode was = published.get(keyword);
        if (was == null || !was.isNumber()) {
            return;
        }
        JsonNode now = current.get(keyword);
        if (now == null || !now.isNumber()) {
            found.add(new Incompatibility(path, keyword + " " + was + " dropped"));
            return;
        }
        int order = now.decimalValue().compareTo(was.decimalValue());
        if (upper && order > 0) {
            found.add(new Incompatibility(path, keyword + " raised from " + was + " to " + now));
        } else if (!upper && order < 0) {
            found.add(new Incompatibility(path, keyword + " lowered from " + was + " to " + now));
        }
    }

    private static Set<String> types(JsonNode type) {
        Set<String> types = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static String text(Set<String> types) {
        return types.size() == 1 ? types.iterator().next() : types.toString();
    }
}
