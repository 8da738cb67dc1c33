package io.hookline.orders.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String COLUMNS = "id, event_id, aggregate_id, event_type, payload, created_at, published_at";

    /**
     * Claims the oldest unpublished rows. With a single relay a plain ordered read is enough; running several
     * relays (several instances on PostgreSQL) means swapping this for a {@code FOR UPDATE SKIP LOCKED} claim.
     */
    private static final String CLAIM = "SELECT " + COLUMNS + " FROM outbox_event WHERE published_at IS NULL "
            + "ORDER BY id FETCH FIRST :limit ROWS ONLY";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID eventId, String aggregateId, String eventType, String payload, Instant createdAt) {
        jdbc.sql("INSERT INTO outbox_event (event_id, aggregate_id, event_type, payload, created_at) "
                        + "VALUES (:eventId, :aggregateId, :eventType, :payload, :createdAt)")
                .param("eventId", eventId)
                .param("aggregateId", aggregateId)
                .param("eventType", eventType)
                .param("payload", payload)
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Up to {@code limit} unpublished rows, oldest (lowest id) first. */
    List<OutboxRecord> claimBatch(int limit) {
        return jdbc.sql(CLAIM).param("limit", limit).query(OutboxRepository::map).list();
    }

    /** Marks rows published, in one statement. */
    void markPublished(List<Long> ids, Instant at) {
        jdbc.sql("UPDATE outbox_event SET published_at = :at WHERE id IN (:ids)")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("ids", ids)
                .update();
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
                published == null ? null : published.toInstant());
    }
}
