package io.hookline.dispatcher.deadletter.index;

import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterState.Discard;
import io.hookline.dispatcher.deadletter.DeadLetterState.Outcome;
import io.hookline.dispatcher.deadletter.DeadLetterState.Replay;
import io.hookline.dispatcher.deadletter.DeadLetterState;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Maps {@code dead_letters} rows. {@link #SUMMARY_COLUMNS} leaves out the body; {@link #ALL_COLUMNS} has it. */
final class DeadLetterRows {

    static final String SUMMARY_COLUMNS = """
            id, topic, record_partition, record_offset, delivery_id, event_id, event_type, endpoint_id, endpoint_url,
            target_url, order_id, attempts, first_attempt_at, last_attempt_at, last_status, last_error, reason,
            dead_lettered_at, replay_of, status, replay_queued_at, replay_by, replay_outcome, replay_delivered_at,
            replay_dead_letter_id, discarded_at, discarded_by, discard_reason, original_topic, original_partition,
            original_offset, client_id, callback_key_versions""";
    static final String ALL_COLUMNS = SUMMARY_COLUMNS + ", body, headers";

    private DeadLetterRows() {
    }

    static DeadLetter summary(ResultSet rs, int row) throws SQLException {
        return deadLetter(rs, null);
    }

    static DeadLetter withBody(ResultSet rs, int row) throws SQLException {
        return deadLetter(rs, rs.getString("body"), rs.getString("headers"));
    }

    private static DeadLetter deadLetter(ResultSet rs, String body) throws SQLException {
        return deadLetter(rs, body, null);
    }

    private static DeadLetter deadLetter(ResultSet rs, String body, String headers) throws SQLException {
        String originalTopic = rs.getString("original_topic");
        DeadLetterEntry.Origin origin = originalTopic == null && headers == null ? null
                : new DeadLetterEntry.Origin(originalTopic, integer(rs, "original_partition"),
                        longValue(rs, "original_offset"), headers);
        DeadLetterEntry entry = new DeadLetterEntry(rs.getString("id"), rs.getString("topic"),
                rs.getInt("record_partition"), rs.getLong("record_offset"), rs.getString("delivery_id"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("endpoint_id"),
                rs.getString("endpoint_url"), rs.getString("target_url"), rs.getString("order_id"),
                integer(rs, "attempts"), instant(rs, "first_attempt_at"), instant(rs, "last_attempt_at"),
                integer(rs, "last_status"), rs.getString("last_error"), rs.getString("reason"),
                instant(rs, "dead_lettered_at"), body, rs.getString("replay_of"), origin, rs.getString("client_id"),
                rs.getString("callback_key_versions"));
        return new DeadLetter(entry, state(rs));
    }

    static DeadLetterState state(ResultSet rs) throws SQLException {
        DeadLetterStatus status = DeadLetterStatus.parse(rs.getString("status")).orElse(DeadLetterStatus.DEAD);
        Outcome outcome = Outcome.parse(rs.getString("replay_outcome"));
        Replay replay = status != DeadLetterStatus.REPLAYED ? null : new Replay(instant(rs, "replay_queued_at"),
                rs.getString("replay_by"), outcome == null ? Outcome.PENDING : outcome,
                instant(rs, "replay_delivered_at"), rs.getString("replay_dead_letter_id"));
        Instant discardedAt = instant(rs, "discarded_at");
        Discard discard = discardedAt == null ? null
                : new Discard(discardedAt, rs.getString("discarded_by"), rs.getString("discard_reason"));
        return new DeadLetterState(status, replay, discard);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Long longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
