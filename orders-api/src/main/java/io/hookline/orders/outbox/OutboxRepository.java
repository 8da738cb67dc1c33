package io.hookline.orders.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox_event} table, through {@link JdbcClient}. Thread-safe; callers own the transactions. */
@Repository
public class OutboxRepository {

    private static final String COLUMNS = "id, event_id, aggregate_id, event_type, payload, created_at, published_at, "
            + "traceparent, client_id, callback_key_versions";

    /**
     * Claims the oldest unpublished rows whose lease (if any) has run out. {@code FOR UPDATE SKIP LOCKED}
     * (PostgreSQL, and H2 2.2+) makes concurrent relays (several instances on one database) claim disjoint rows
     * without waiting for each other; the claim then sets {@code claimed_until} and commits, so the rows stay
     * claimed, without locks, while the relay sends them. The {@code NOT EXISTS} keeps each order's events in
     * order across relays: a row is only claimable when no earlier row of its order is still unpublished (in
     * flight, waiting out a retry delay, or in this batch), so the second event of an order leaves only after the
     * first was acknowledged.
     */
    private static final String CLAIM = "SELECT " + COLUMNS + " FROM outbox_event o WHERE o.published_at IS NULL "
            + "AND (o.claimed_until IS NULL OR o.claimed_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.aggregate_id = o.aggregate_id "
            + "AND e.published_at IS NULL AND e.id < o.id) "
            + "ORDER BY o.id FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID eventId, String aggregateId, String eventType, String payload, Instant createdAt) {
        insert(eventId, aggregateId, eventType, payload, createdAt, null, null);
    }

    void insert(UUID eventId, String aggregateId, String eventType, String payload, Instant createdAt,
            String traceparent, EventClient client) {
        jdbc.sql("INSERT INTO outbox_event (event_id, aggregate_id, event_type, payload, created_at, traceparent, "
                        + "client_id, callback_key_versions) VALUES (:eventId, :aggregateId, :eventType, :payload, "
                        + ":createdAt, :traceparent, :clientId, :versions)")
                .param("eventId", eventId)
                .param("aggregateId", aggregateId)
                .param("eventType", eventType)
                .param("payload", payload)
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .param("traceparent", traceparent, Types.VARCHAR)
                .param("clientId", client == null ? null : client.clientId(), Types.VARCHAR)
                .param("versions", client == null ? null : client.callbackKeyVersions(), Types.VARCHAR)
                .update();
    }

    /**
     * Claims up to {@code limit} claimable rows, oldest (lowest id) first, until {@code leaseUntil}; must run in a
     * transaction (the claim is the caller's once it commits).
     */
    List<OutboxRecord> claimBatch(int limit, Instant now, Instant leaseUntil) {
        List<OutboxRecord> rows = jdbc.sql(CLAIM).param("limit", limit).param("now", now.atOffset(ZoneOffset.UTC))
                .query(OutboxRepository::map).list();
        if (!rows.isEmpty()) {
            jdbc.sql("UPDATE outbox_event SET claimed_until = :until WHERE id IN (:ids)")
                    .param("until", leaseUntil.atOffset(ZoneOffset.UTC))
                    .param("ids", rows.stream().map(OutboxRecord::id).toList())
                    .update();
        }
        return rows;
    }

    /** Marks rows published, in one statement. */
    void markPublished(List<Long> ids, Instant at) {
        jdbc.sql("UPDATE outbox_event SET published_at = :at WHERE id IN (:ids)")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("ids", ids)
                .update();
    }

    /** Gives claimed rows back: claimable again from {@code retryAt} (a send failed, or was never made). */
    void release(List<Long> ids, Instant retryAt) {
        jdbc.sql("UPDATE outbox_event SET claimed_until = :at WHERE id IN (:ids) AND published_at IS NULL")
                .param("at", retryAt.atOffset(ZoneOffset.UTC))
                .param("ids", ids)
                .update();
    }

    /** Deletes up to {@code limit} rows published before {@code cutoff}, oldest first; returns how many. */
    int deletePublishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event "
                        + "WHERE published_at < :cutoff ORDER BY published_at, id FETCH FIRST :limit ROWS ONLY)")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .update();
    }

    /** How many rows wait for publication (for the backlog gauge). */
    public long countUnpublished() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
    }

    /** When the oldest unpublished row was appended, or {@code null} when every row is published. */
    public Instant oldestUnpublishedCreatedAt() {
        OffsetDateTime oldest = jdbc.sql("SELECT MIN(created_at) FROM outbox_event WHERE published_at IS NULL")
                .query(OffsetDateTime.class).single();
        return oldest == null ? null : oldest.toInstant();
    }

    /** Every row of one aggregate, in publication order (for inspection and tests). */
    public List<OutboxRecord> findByAggregateId(String aggregateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_event WHERE aggregate_id = :aggregateId ORDER BY id")
                .param("aggregateId", aggregateId)
                .query(OutboxRepository::map)
                .list();
    }

    private static OutboxRecord map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new OutboxRecord(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("aggregate_id"),
                rs.getString("event_type"),
                rs.getString("payload"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                published == null ? null : published.toInstant(),
                rs.getString("traceparent"),
                client(rs.getString("client_id"), rs.getString("callback_key_versions")));
    }

    private static EventClient client(String clientId, String versions) {
        return clientId == null ? null : new EventClient(clientId, versions);
    }
}
