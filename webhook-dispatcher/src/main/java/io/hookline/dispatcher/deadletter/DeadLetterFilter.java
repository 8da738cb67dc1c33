package io.hookline.dispatcher.deadletter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which dead letters a list or a bulk action covers; every criterion is optional, all must hold.
 *
 * @param lastStatus an HTTP status, or {@link #NO_STATUS} for "no response"; {@code null}: any
 * @param from inclusive, on {@code dead_lettered_at}
 * @param to exclusive, on {@code dead_lettered_at}
 * @param ids only these dead letters ({@code null}: any)
 * @param topic only the dead letters of this dead-letter topic ({@code null}: any); every API sets its own
 */
public record DeadLetterFilter(String endpointId, String eventType, String orderId, Integer lastStatus,
        DeadLetterStatus status, Instant from, Instant to, List<String> ids, String topic) {

    /** {@code last_status=none}: the last attempt got no HTTP response. */
    public static final int NO_STATUS = 0;

    public static final DeadLetterFilter ANY = new DeadLetterFilter(null, null, null, null, null, null, null, null);

    public DeadLetterFilter {
        ids = ids == null ? null : List.copyOf(ids);
    }

    public DeadLetterFilter(String endpointId, String eventType, String orderId, Integer lastStatus, DeadLetterStatus status,
            Instant from, Instant to, List<String> ids) {
        this(endpointId, eventType, orderId, lastStatus, status, from, to, ids, null);
    }

    public DeadLetterFilter withStatus(DeadLetterStatus only) {
        return new DeadLetterFilter(endpointId, eventType, orderId, lastStatus, only, from, to, ids, topic);
    }

    public DeadLetterFilter onTopic(String deadLetterTopic) {
        return new DeadLetterFilter(endpointId, eventType, orderId, lastStatus, status, from, to, ids,
                deadLetterTopic);
    }

    public boolean narrowsAnything() {
        return endpointId != null || eventType != null || orderId != null || lastStatus != null || from != null
                || to != null || ids != null;
    }

    /** A SQL condition (without {@code where}) and its parameters. */
    public record Sql(String condition, List<Object> params) {
    }

    public Sql toSql() {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        add(conditions, params, "endpoint_id = ?", endpointId);
        add(conditions, params, "event_type = ?", eventType);
        add(conditions, params, "order_id = ?", orderId);
        if (lastStatus != null && lastStatus == NO_STATUS) {
            conditions.add("last_status is null");
        } else {
            add(conditions, params, "last_status = ?", lastStatus);
        }
        add(conditions, params, "status = ?", status == null ? null : status.value());
        add(conditions, params, "topic = ?", topic);
        add(conditions, params, "dead_lettered_at >= ?", utc(from));
        add(conditions, params, "dead_lettered_at < ?", utc(to));
        if (ids != null) {
            conditions.add(ids.isEmpty() ? "1 = 0"
                    : "id in (" + String.join(", ", ids.stream().map(id -> "?").toList()) + ")");
            params.addAll(ids);
        }
        return new Sql(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), params);
    }

    private static void add(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
