package io.hookline.orders.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table, through {@link JdbcClient}. Portable SQL; thread-safe. */
@Repository
class IdempotencyKeyRepository {

    private static final String IN_PROGRESS = "in_progress";
    private static final String COMPLETE = "complete";
    private static final String WHERE_KEY = "owner_id = :owner AND idem_key = :key";

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key: inserts it {@code in_progress}. Runs in its own (auto-commit) statement, never inside the work's
     * transaction, so other requests see the claim at once.
     *
     * @return {@code false} when the key exists already
     */
    boolean tryClaim(OwnedKey key, String method, String path, String hash, Instant now, Instant lockedUntil,
            Instant expiresAt) {
        try {
            jdbc.sql("INSERT INTO idempotency_key (owner_id, idem_key, request_method, request_path, request_hash, "
                            + "state, created_at, locked_until, expires_at) VALUES (:owner, :key, :method, :path, "
                            + ":hash, '" + IN_PROGRESS + "', :now, :lockedUntil, :expiresAt)")
                    .param("owner", key.owner())
                    .param("key", key.key())
                    .param("method", method)
                    .param("path", path)
                    .param("hash", hash)
                    .param("now", utc(now))
                    .param("lockedUntil", utc(lockedUntil))
                    .param("expiresAt", utc(expiresAt))
                    .update();
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    Optional<IdempotencyRecord> find(OwnedKey key) {
        return jdbc.sql("SELECT * FROM idempotency_key WHERE " + WHERE_KEY)
                .param("owner", key.owner())
                .param("key", key.key())
                .query(IdempotencyKeyRepository::map)
                .optional();
    }

    /** Stores the response of a claimed key; joins the caller's transaction. Returns whether the claim was held. */
    boolean complete(OwnedKey key, StoredResponse response) {
        return jdbc.sql("UPDATE idempotency_key SET state = '" + COMPLETE + "', response_status = :status, "
                        + "response_body = :body, response_location = :location "
                        + "WHERE " + WHERE_KEY + " AND state = '" + IN_PROGRESS + "'")
                .param("status", response.status())
                .param("body", response.body())
                .param("location", response.location(), Types.VARCHAR)
                .param("owner", key.owner())
                .param("key", key.key())
                .update() == 1;
    }

    /** Drops an unfinished claim (the request failed and changed nothing), so the key can be used again. */
    void release(OwnedKey key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE " + WHERE_KEY + " AND state = '" + IN_PROGRESS + "'")
                .param("owner", key.owner())
                .param("key", key.key())
                .update();
    }

    /** Deletes the key if it is stale at {@code now}: expired, or an abandoned claim. */
    void deleteIfStale(OwnedKey key, Instant now) {
        jdbc.sql("DELETE FROM idempotency_key WHERE " + WHERE_KEY + " AND (expires_at <= :now "
                        + "OR (state = '" + IN_PROGRESS + "' AND locked_until <= :now))")
                .param("owner", key.owner())
                .param("key", key.key())
                .param("now", utc(now))
                .update();
    }

    /** Deletes up to {@code limit} keys expired at {@code now}, the oldest first (the expiry index); returns how many. */
    int deleteExpired(Instant now, int limit) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE (owner_id, idem_key) IN (SELECT owner_id, idem_key "
                        + "FROM idempotency_key WHERE expires_at <= :now ORDER BY expires_at FETCH FIRST :limit ROWS ONLY)")
                .param("now", utc(now))
                .param("limit", limit)
                .update();
    }

    private static IdempotencyRecord map(ResultSet rs, int row) throws SQLException {
        boolean complete = COMPLETE.equals(rs.getString("state"));
        StoredResponse response = complete ? new StoredResponse(rs.getInt("response_status"),
                rs.getString("response_body"), rs.getString("response_location")) : null;
        return new IdempotencyRecord(rs.getString("idem_key"), rs.getString("request_method"),
                rs.getString("request_path"), rs.getString("request_hash"), complete, response,
                instant(rs, "locked_until"), instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
