package io.hookline.dispatcher.deadletter.index;

import static io.hookline.dispatcher.deadletter.DeadLetterFilter.utc;

import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterState.Discard;
import io.hookline.dispatcher.deadletter.DeadLetterState;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the dead-letter index: rows from the dead-letter topic, actions from the actions topic and the read
 * positions, in one transaction per batch; and the operators' claims. Every write is idempotent (a row or an
 * action already there is skipped), so several instances may index into one database; two that insert the same
 * row at once make one batch fail, and its indexer retries it. A row's state is always recomputed by
 * {@link DeadLetterFold} under a row lock. Thread-safe.
 */
@Repository
public class DeadLetterIndex {

    /** An action and where it was read. */
    record IndexedAction(String topic, int partition, long offset, DeadLetterAction action) {
    }

    private static final String INSERT_ROW = """
            insert into dead_letters (id, topic, record_partition, record_offset, delivery_id, event_id, event_type,
                endpoint_id, endpoint_url, target_url, order_id, attempts, first_attempt_at, last_attempt_at,
                last_status, last_error, reason, dead_lettered_at, body, replay_of, status, original_topic,
                original_partition, original_offset, headers, client_id, callback_key_versions)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'dead', ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DeadLetterIndex(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The next offset to read per partition of these topics; partitions never indexed are absent. */
    Map<TopicPartition, Long> positions(Collection<String> topics) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.sql("select topic, record_partition, next_offset from dead_letter_index_positions").query(rs -> {
            if (topics.contains(rs.getString(1))) {
                positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        });
        return positions;
    }

    /** Indexes a batch and moves the positions past it, all or nothing. */
    void apply(List<DeadLetterEntry> entries, List<IndexedAction> actions, Map<TopicPartition, Long> next) {
        transaction.executeWithoutResult(status -> {
            Set<String> touched = new LinkedHashSet<>();
            for (DeadLetterEntry entry : entries) {
                if (insert(entry)) {
                    touched.add(entry.id());
                    if (entry.replayOf() != null) {
                        touched.add(entry.replayOf());
                    }
                }
            }
            for (IndexedAction action : actions) {
                if (insert(action)) {
                    touched.add(action.action().deadLetterId());
                }
            }
            touched.forEach(this::recompute);
            next.forEach(this::advance);
        });
    }

    /** dead or discarded → replayed (outcome pending), unless someone else claimed it first. */
    public boolean claimReplay(String id, Instant at, String by) {
        return jdbc.sql("""
                update dead_letters set status = 'replayed', replay_queued_at = ?, replay_by = ?,
                    replay_outcome = 'pending', claim_at = ?
                where id = ? and status in ('dead', 'discarded')""")
                .params(utc(at), by, utc(at), id).update() == 1;
    }

    /** dead → discarded, unless someone else changed it first. */
    public boolean claimDiscard(String id, Instant at, String by, String reason) {
        return jdbc.sql("""
                update dead_letters set status = 'discarded', discarded_at = ?, discarded_by = ?, discard_reason = ?,
                    claim_at = ?
                where id = ? and status = 'dead'""")
                .params(utc(at), by, reason, utc(at), id).update() == 1;
    }

    /** Takes back a claim made at {@code at} whose records Kafka did not take; the state is recomputed. */
    public void releaseClaim(String id, Instant at) {
        transaction.executeWithoutResult(status -> {
            int released = jdbc.sql("""
                    update dead_letters set
                        replay_queued_at = case when status = 'replayed' then null else replay_queued_at end,
                        replay_by = case when status = 'replayed' then null else replay_by end,
                        discarded_at = case when status = 'discarded' then null else discarded_at end,
                        discarded_by = case when status = 'discarded' then null else discarded_by end,
                        discard_reason = case when status = 'discarded' then null else discard_reason end,
                        claim_at = null
                    where id = ? and claim_at = ?""").params(id, utc(at)).update();
            if (released == 1) {
                recompute(id);
            }
        });
    }

    /** Deletes (up to 1,000) pending dead letters of the partition below its first offset; answers how many. */
    int forgetBefore(TopicPartition partition, long firstOffset) {
        return jdbc.sql("""
                delete from dead_letters where id in (select id from dead_letters
                    where topic = ? and record_partition = ? and record_offset < ? and status = 'dead'
                    fetch first 1000 rows only)""")
                .params(partition.topic(), partition.partition(), firstOffset).update();
    }

    /** Claims older than {@code before} that the actions topic never confirmed: id → claim time. */
    Map<String, Instant> unconfirmedClaims(Instant before) {
        Map<String, Instant> claims = new HashMap<>();
        jdbc.sql("select id, claim_at from dead_letters where claim_at < ?").param(utc(before))
                .query(rs -> {
                    claims.put(rs.getString(1), DeadLetterRows.instant(rs, "claim_at"));
                });
        return claims;
    }

    private boolean insert(DeadLetterEntry e) {
        if (exists("select count(*) from dead_letters where id = ?", e.id())) {
            return false;
        }
        jdbc.sql(INSERT_ROW).params(e.id(), e.topic(), e.partition(), e.offset(), e.deliveryId(), e.eventId(),
                e.eventType(), e.endpointId(), e.endpointUrl(), e.targetUrl(), e.orderId(), e.attempts(),
                utc(e.firstAttemptAt()), utc(e.lastAttemptAt()), e.lastStatus(), cut(e.lastError(), 1000),
                cut(e.reason(), 1000), utc(e.deadLetteredAt()), e.body(), e.replayOf(),
                e.origin() == null ? null : cut(e.origin().topic(), 255),
                e.origin() == null ? null : e.origin().partition(), e.origin() == null ? null : e.origin().offset(),
                e.origin() == null ? null : e.origin().headers(), cut(e.clientId(), 100),
                cut(e.callbackKeyVersions(), 40)).update();
        return true;
    }

    private boolean insert(IndexedAction a) {
        if (exists("select count(*) from dead_letter_actions where topic = ? and record_partition = ? "
                + "and record_offset = ?", a.topic(), a.partition(), a.offset())) {
            return false;
        }
        DeadLetterAction action = a.action();
        jdbc.sql("""
                insert into dead_letter_actions (topic, record_partition, record_offset, dead_letter_id, action,
                    acted_at, actor, reason) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.topic(), a.partition(), a.offset(), action.deadLetterId(), action.action(), utc(action.at()),
                        cut(action.by(), 100), cut(action.reason(), 500)).update();
        return true;
    }

    /** Recomputes a row's state from its held fields, its actions and a replay that failed again. */
    private void recompute(String id) {
        List<DeadLetterFold.Held> held = jdbc.sql("""
                select replay_queued_at, replay_by, discarded_at, discarded_by, discard_reason, claim_at
                from dead_letters where id = ? for update""").param(id).query((rs, row) -> {
                    Instant discardedAt = DeadLetterRows.instant(rs, "discarded_at");
                    return new DeadLetterFold.Held(DeadLetterRows.instant(rs, "replay_queued_at"),
                            rs.getString("replay_by"), discardedAt == null ? null : new Discard(discardedAt,
                                    rs.getString("discarded_by"), rs.getString("discard_reason")),
                            DeadLetterRows.instant(rs, "claim_at"));
                }).list();
        if (held.isEmpty()) {
            return;
        }
        List<DeadLetterAction> actions = jdbc.sql("""
                select action, acted_at, actor, reason from dead_letter_actions where dead_letter_id = ?
                order by topic, record_partition, record_offset""").param(id)
                .query((rs, row) -> new DeadLetterAction(rs.getString(1), id, DeadLetterRows.instant(rs, "acted_at"),
                        rs.getString(3), rs.getString(4))).list();
        String failedReplay = jdbc.sql("select id from dead_letters where replay_of = ? "
                + "order by dead_lettered_at, id fetch first 1 rows only").param(id).query(String.class)
                .optional().orElse(null);
        write(id, DeadLetterFold.fold(held.getFirst(), actions, failedReplay));
    }

    private void write(String id, DeadLetterFold.Result result) {
        DeadLetterState state = result.state();
        DeadLetterState.Replay replay = state.replay();
        Discard discard = state.discard();
        jdbc.sql("""
                update dead_letters set status = ?, replay_queued_at = ?, replay_by = ?, replay_outcome = ?,
                    replay_delivered_at = ?, replay_dead_letter_id = ?, discarded_at = ?, discarded_by = ?,
                    discard_reason = ?, claim_at = ?
                where id = ?""")
                .params(state.status().value(), replay == null ? null : utc(replay.queuedAt()),
                        replay == null ? null : replay.by(), replay == null ? null : replay.outcome().value(),
                        replay == null ? null : utc(replay.deliveredAt()),
                        replay == null ? null : replay.deadLetterId(),
                        discard == null ? null : utc(discard.at()), discard == null ? null : discard.by(),
                        discard == null ? null : discard.reason(), utc(result.claimAt()), id)
                .update();
    }

    private void advance(TopicPartition partition, long nextOffset) {
        int updated = jdbc.sql("update dead_letter_index_positions set next_offset = ? "
                + "where topic = ? and record_partition = ? and next_offset < ?")
                .params(nextOffset, partition.topic(), partition.partition(), nextOffset).update();
        if (updated == 0 && !exists("select count(*) from dead_letter_index_positions where topic = ? "
                + "and record_partition = ?", partition.topic(), partition.partition())) {
            jdbc.sql("insert into dead_letter_index_positions (topic, record_partition, next_offset) values (?, ?, ?)")
                    .params(partition.topic(), partition.partition(), nextOffset).update();
        }
    }

    private boolean exists(String countQuery, Object... params) {
        return jdbc.sql(countQuery).params(params).query(Long.class).single() > 0;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
