package io.hookline.schemas.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a current version of a contract may replace a published one (docs/event-contracts.md). The rule: every
 * document valid under the current schema must be accepted by a reader built on the published version in tolerant
 * mode (the published schema with every {@code additionalProperties: false} dropped, {@link Strictness#TOLERANT}),
 * i.e. current ⊆ published-tolerant.
 *
 * <p>Breaking: a property the published version requires is removed or made optional; a type changes; a
 * {@code const} or {@code enum} gains values; a {@code pattern} or {@code format} changes; a limit is loosened
 * ({@code maxLength}/{@code maximum} raised, {@code minLength}/{@code minimum} lowered, ...); a constraint is dropped.
 * Compatible: a new property, optional or required (tolerant readers ignore it); an {@code enum} losing values;
 * limits tightened; {@code description}, {@code title} and {@code examples} changes. One point is stricter than the
 * set rule: removing an optional property is reported too, since readers that use it would lose it and the
 * versioning rules make every removal a new version.
 *
 * <p>Both schemas must be resolved ({@link ContractDocuments#resolved}: no {@code $ref}). The comparison walks
 * {@code properties}, {@code additionalProperties} schemas, {@code items}, {@code allOf} (with {@code if}/{@code
 * then}/{@code else}) and {@code anyOf}/{@code oneOf}. Stateless; a pure function.
 */
public final class ContractCompatibility {

    private ContractCompatibility() {
    }

    /** Every way {@code current} accepts what a tolerant reader of {@code published} rejects; empty: compatible. */
    public static List<Incompatibility> check(JsonNode published, JsonNode current) {
        List<Incompatibility> found = new ArrayList<>();
        compare("$", published, current, found);
        return List.copyOf(found);
    }

    private static void compare(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        if (published == null || !published.isObject() || published.isEmpty()) {
            return; // true or {}: accepts everything
        }
        if (current == null || current.isBoolean() && current.booleanValue()) {
            found.add(new Incompatibility(path, "every constraint dropped"));
            return;
        }
        if (!current.isObject()) {
            return; // false: accepts nothing
        }
        if (alternatives(published) != null || alternatives(current) != null) {
            compareAlternatives(path, published, current, found);
            return;
        }
        ValueConstraints.compare(path, published, current, found);
        compareObject(path, published, current, found);
        compareItems(path, published, current, found);
        compareAllOf(path, published, current, found);
    }

    private static void compareObject(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        Set<String> required = names(current.get("required"));
        JsonNode properties = current.path("properties");
        for (String name : names(published.get("required"))) {
            if (!required.contains(name)) {
                found.add(new Incompatibility(path + "." + name, properties.has(name)
                        ? "required property made optional" : "required property removed"));
            }
        }
        Set<String> wasRequired = names(published.get("required"));
        for (Map.Entry<String, JsonNode> property : published.path("properties").properties()) {
            String name = property.getKey();
            if (properties.has(name)) {
                compare(path + "." + name, property.getValue(), properties.get(name), found);
            } else if (!wasRequired.contains(name)) {
                found.add(new Incompatibility(path + "." + name, "optional property removed"));
            }
        }
        JsonNode open = published.get("additionalProperties");
        if (open != null && open.isObject()) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                if (!published.path("properties").has(property.getKey())) {
                    compare(path + "." + property.getKey(), open, property.getValue(), found);
                }
            }
            compare(path + ".*", open, current.get("additionalProperties") == null ? null
                    : current.get("additionalProperties"), found);
        }
    }

    private static void compareItems(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        if (published.has("items")) {
            compare(path + "[]", published.get("items"), current.get("items"), found);
        }
    }

    /**
     * Every published {@code allOf} branch must still hold: matched with the current branch of the same {@code if}
     * (conditional branches) or at the same position; extra current branches only narrow.
     */
    private static void compareAllOf(String path, JsonNode published, JsonNode current, List<Incompatibility> found) {
        JsonNode branches = published.get("allOf");
        if (branches == null || !branches.isArray()) {
            return;
        }
        JsonNode now = current.path("allOf");
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            String at = path + "<allOf[" + i + "]>";
            JsonNode match = branch.has("if") ? conditional(now, branch.get("if")) : now.get(i);
            if (match == null) {
                found.add(new Incompatibility(at, branch.has("if")
                        ? "conditional branch for " + branch.get("if") + " removed" : "allOf branch removed"));
            } else if (branch.has("if")) {
                compare(at + ".then", branch.get("then"), match.get("then"), found);
                compare(at + ".else", branch.get("else"), match.get("else"), found);
            } else {
                compare(at, branch, match, found);
            }
        }
    }

    private static JsonNode conditional(JsonNode branches, JsonNode condition) {
        for (JsonNode branch : branches) {
            if (condition.equals(branch.get("if"))) {
                return branch;
            }
        }
        return null;
    }

    /**
     * {@code anyOf}/{@code oneOf}: every current alternative must fit some published alternative. A node without
     * alternatives is its own single one; keywords beside the composition apply to every alternative.
     */
    private static void compareAlternatives(String path, JsonNode published, JsonNode current,
            List<Incompatibility> found) {
        List<JsonNode> accepted = expand(published);
        List<JsonNode> offered = expand(current);
        for (int i = 0; i < offered.size(); i++) {
            List<Incompatibility> closest = null;
            for (JsonNode candidate : accepted) {
                List<Incompatibility> mismatch = new ArrayList<>();
                compare(path, candidate, offered.get(i), mismatch);
                if (closest == null || mismatch.size() < closest.size()) {
                    closest = mismatch;
                }
            }
            if (closest != null && !closest.isEmpty()) {
                String at = offered.size() > 1 ? path + "<alternative " + i + ">" : path;
                found.add(new Incompatibility(at, "accepts values no published alternative accepts: "
                        + closest.stream().map(Incompatibility::change).toList()));
            }
        }
    }

    private static List<JsonNode> expand(JsonNode schema) {
        JsonNode branches = alternatives(schema);
        if (branches == null) {
            return List.of(schema);
        }
        ObjectNode siblings = ((ObjectNode) schema).deepCopy();
        siblings.remove("anyOf");
        siblings.remove("oneOf");
        List<JsonNode> expanded = new ArrayList<>();
        for (JsonNode branch : branches) {
            ObjectNode merged = siblings.deepCopy();
            if (branch.isObject()) {
                branch.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
            }
            expanded.add(merged);
        }
        return expanded;
    }

    private static JsonNode alternatives(JsonNode schema) {
        JsonNode any = schema.get("anyOf");
        if (any != null && any.isArray()) {
            return any;
        }
        JsonNode one = schema.get("oneOf");
        return one != null && one.isArray() ? one : null;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        if (array != null && array.isArray()) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }
}
