package io.hookline.orders.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What makes two requests "the same" for an {@code Idempotency-Key}: method, path and body, where the body is
 * compared as JSON (member order and whitespace do not matter; values do). Thread-safe.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** SHA-256, hex, of {@code METHOD path} and the body with object members sorted by name. */
    static String of(String method, String path, JsonNode body, JsonMapper mapper) {
        String canonical = body == null ? "" : mapper.writeValueAsString(sorted(body));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            node.properties().forEach(e -> members.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
