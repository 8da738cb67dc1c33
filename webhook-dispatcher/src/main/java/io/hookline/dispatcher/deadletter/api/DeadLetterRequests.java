package io.hookline.dispatcher.deadletter.api;

import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates the dead-letter API's inputs: list query parameters and the JSON bodies of replays and
 * discards. Every problem is collected and reported at once (422 with the fields); unknown parameters and
 * fields are refused too, so that a misspelt filter never widens a bulk action. Stateless.
 */
public final class DeadLetterRequests {

    static final String DEFAULT_OPERATOR = "admin";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_IDS = 1000;
    private static final int MAX_TEXT = 300;
    private static final int MAX_OPERATOR = 100;
    private static final int MAX_REASON = 500;
    private static final Set<String> FILTER_FIELDS = Set.of("endpoint_id", "event_type", "order_id", "last_status",
            "from", "to");
    private static final Set<String> LIST_PARAMS = Set.of("endpoint_id", "event_type", "order_id", "last_status",
            "from", "to", "status", "limit", "cursor");

    record ListRequest(DeadLetterFilter filter, int limit, DeadLetterCursor cursor) {
    }

    /** An operator call's body: who, and (discards) why. */
    record Action(String operator, String reason) {
    }

    record BulkRequest(DeadLetterFilter filter, Action action) {
    }

    private DeadLetterRequests() {
    }

    static ListRequest list(MultiValueMap<String, String> params) {
        List<FieldViolation> violations = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!LIST_PARAMS.contains(name)) {
                violations.add(new FieldViolation(name, "unknown parameter; known: " + LIST_PARAMS));
            } else if (values.size() > 1) {
                violations.add(new FieldViolation(name, "give it once"));
            }
        });
        Function<String, String> value = params::getFirst;
        DeadLetterFilter filter = filter(value, violations);
        DeadLetterStatus status = null;
        String statusText = value.apply("status");
        if (statusText != null) {
            status = DeadLetterStatus.parse(statusText).orElse(null);
            if (status == null) {
                violations.add(new FieldViolation("status", "must be dead, replayed or discarded"));
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = value.apply("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                violations.add(new FieldViolation("limit", "must be an integer from 1 to " + MAX_LIMIT));
            }
        }
        DeadLetterCursor cursor = null;
        String cursorText = value.apply("cursor");
        if (cursorText != null) {
            cursor = DeadLetterCursor.decode(cursorText).orElse(null);
            if (cursor == null) {
                violations.add(new FieldViolation("cursor", "is not a cursor this API gave out (next_cursor)"));
            }
        }
        throwIfAny(violations);
        return new ListRequest(filter.withStatus(status), limit, cursor);
    }

    /** The body of a bulk replay or discard; at least one criterion is required. */
    static BulkRequest bulk(JsonNode body, boolean withReason) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonNode object = body == null || body.isNull() ? null : body;
        if (object != null && !object.isObject()) {
            throw invalid(new FieldViolation("body", "must be a JSON object"));
        }
        Set<String> known = new HashSet<>(FILTER_FIELDS);
        known.addAll(Set.of("ids", "operator"));
        if (withReason) {
            known.add("reason");
        }
        unknownFields(object, known, violations);
        DeadLetterFilter filter = filter(name -> text(object, name, violations), violations);
        List<String> ids = ids(object, violations);
        filter = new DeadLetterFilter(filter.endpointId(), filter.eventType(), filter.orderId(), filter.lastStatus(),
                null, filter.from(), filter.to(), ids);
        Action action = action(object, withReason, violations);
        if (violations.isEmpty() && !filter.narrowsAnything()) {
            violations.add(new FieldViolation("body", "give at least one of " + FILTER_FIELDS + " or ids"));
        }
        throwIfAny(violations);
        return new BulkRequest(filter, action);
    }

    /** The optional body of a single replay ({@code operator}) or discard ({@code operator}, {@code reason}). */
    static Action single(JsonNode body, boolean withReason) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonNode object = body == null || body.isNull() ? null : body;
        if (object != null && !object.isObject()) {
            throw invalid(new FieldViolation("body", "must be a JSON object"));
        }
        unknownFields(object, withReason ? Set.of("operator", "reason") : Set.of("operator"), violations);
        Action action = action(object, withReason, violations);
        throwIfAny(violations);
        return action;
    }

    private static DeadLetterFilter filter(Function<String, String> value, List<FieldViolation> violations) {
        String endpointId = limited("endpoint_id", value.apply("endpoint_id"), MAX_TEXT, violations);
        String eventType = limited("event_type", value.apply("event_type"), MAX_TEXT, violations);
        String orderId = limited("order_id", value.apply("order_id"), MAX_TEXT, violations);
        Integer lastStatus = lastStatus(value.apply("last_status"), violations);
        Instant from = time("from", value.apply("from"), violations);
        Instant to = time("to", value.apply("to"), violations);
        if (from != null && to != null && !to.isAfter(from)) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        return new DeadLetterFilter(endpointId, eventType, orderId, lastStatus, null, from, to, null);
    }

    private static Integer lastStatus(String text, List<FieldViolation> violations) {
        if (text == null) {
            return null;
        }
        if (text.trim().equals("none")) {
            return DeadLetterFilter.NO_STATUS;
        }
        try {
            int status = Integer.parseInt(text.trim());
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new FieldViolation("last_status", "must be an HTTP status (100-599) or none"));
        return null;
    }

    static Action action(JsonNode object, boolean withReason, List<FieldViolation> violations) {
        String operator = limited("operator", text(object, "operator", violations), MAX_OPERATOR, violations);
        String reason = withReason ? limited("reason", text(object, "reason", violations), MAX_REASON, violations)
                : null;
        return new Action(operator == null ? DEFAULT_OPERATOR : operator, reason);
    }

    private static List<String> ids(JsonNode object, List<FieldViolation> violations) {
        JsonNode ids = object == null ? null : object.get("ids");
        if (ids == null || ids.isNull()) {
            return null;
        }
        if (!ids.isArray() || ids.size() > MAX_IDS || ids.values().stream().anyMatch(id -> !id.isString())) {
            violations.add(new FieldViolation("ids", "must be an array of at most " + MAX_IDS + " dead-letter ids"));
            return null;
        }
        return ids.values().stream().map(JsonNode::asString).distinct().toList();
    }

    private static String text(JsonNode object, String name, List<FieldViolation> violations) {
        JsonNode node = object == null ? null : object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber() && name.equals("last_status")) {
            return node.asString();
        }
        violations.add(new FieldViolation(name, name.equals("last_status") ? "must be an HTTP status (100-599) or none"
                : "must be a string"));
        return null;
    }

    private static String limited(String name, String text, int max, List<FieldViolation> violations) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > max) {
            violations.add(new FieldViolation(name, "must be 1 to " + max + " characters, not blank"));
            return null;
        }
        return text.trim();
    }

    private static Instant time(String name, String text, List<FieldViolation> violations) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, "must be an RFC 3339 time, e.g. 2026-11-22T12:00:00Z"));
            return null;
        }
    }

    static void unknownFields(JsonNode object, Set<String> known, List<FieldViolation> violations) {
        if (object != null) {
            object.propertyNames().stream().filter(name -> !known.contains(name)).sorted()
                    .forEach(name -> violations.add(new FieldViolation(name, "unknown field; known: " + known)));
        }
    }

    static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }

    private static RequestValidationException invalid(FieldViolation violation) {
        return new RequestValidationException(List.of(violation));
    }
}
