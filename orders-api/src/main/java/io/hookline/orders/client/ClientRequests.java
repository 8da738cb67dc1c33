package io.hookline.orders.client;

import io.hookline.orders.auth.Scope;
import io.hookline.orders.system.JsonFields;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads and validates the bodies of the {@code /clients} admin API; every bad field is reported at once. */
final class ClientRequests {

    static final int MAX_NAME_LENGTH = 200;
    static final Set<Scope> DEFAULT_SCOPES = EnumSet.of(Scope.READ, Scope.WRITE);
    private static final String SCOPES = "scopes";
    private static final String SCOPES_MESSAGE = "must be a non-empty array of read, write, admin";

    private ClientRequests() {
    }

    /** {@code {"name": …, "scopes"?: [...]}}: the new client and the scopes of its first key (default read, write). */
    static NewClient newClient(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String name = fields.requiredText("name");
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            fields.reject("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        Set<Scope> scopes = body.has(SCOPES) ? scopes(body.get(SCOPES), fields) : DEFAULT_SCOPES;
        fields.throwIfInvalid();
        return new NewClient(name.strip(), scopes);
    }

    /** {@code {"scopes": [...]}}. */
    static Set<Scope> newKey(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        Set<Scope> scopes = body.has(SCOPES) ? scopes(body.get(SCOPES), fields) : null;
        if (scopes == null && fields.isValid(SCOPES)) {
            fields.reject(SCOPES, "is required");
        }
        fields.throwIfInvalid();
        return scopes;
    }

    private static Set<Scope> scopes(JsonNode node, JsonFields fields) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.reject(SCOPES, SCOPES_MESSAGE);
            return null;
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (JsonNode item : node) {
            try {
                scopes.add(Scope.fromValue(item.isString() ? item.stringValue() : ""));
            } catch (IllegalArgumentException e) {
                fields.reject(SCOPES, SCOPES_MESSAGE);
                return null;
            }
        }
        return scopes;
    }

    /** A valid {@code POST /clients} body. */
    record NewClient(String name, Set<Scope> scopes) {
    }
}
