package io.hookline.orders.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table, through {@link JdbcClient}. Portable SQL; thread-safe; callers own transactions. */
@Repository
public class ApiKeyRepository {

    private static final String COLUMNS = "id, client_id, key_prefix, scopes, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a key by its hash; the key itself is never written. */
    public void insert(StoredApiKey key, String keyHash) {
        jdbc.sql("INSERT INTO api_key (id, client_id, key_hash, key_prefix, scopes, created_at) "
                        + "VALUES (:id, :clientId, :hash, :prefix, :scopes, :createdAt)")
                .param("id", key.id())
                .param("clientId", key.clientId())
                .param("hash", keyHash)
                .param("prefix", key.prefix())
                .param("scopes", Scope.format(key.scopes()))
                .param("createdAt", utc(key.createdAt()))
                .update();
    }

    /** The key with this hash, revoked or not (the unique index finds it; no comparison in Java). */
    public Optional<StoredApiKey> findByHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash")
                .param("hash", keyHash)
                .query(ApiKeyRepository::map)
                .optional();
    }

    /** Every key of a client, oldest first. */
    public List<StoredApiKey> findByClient(String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE client_id = :clientId ORDER BY created_at, id")
                .param("clientId", clientId)
                .query(ApiKeyRepository::map)
                .list();
    }

    /** Every key, oldest first (for the client listing). */
    public List<StoredApiKey> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id")
                .query(ApiKeyRepository::map)
                .list();
    }

    /**
     * Revokes a key of a client (a key already revoked keeps its first revocation time).
     *
     * @return whether the client has such a key
     */
    public boolean revoke(String clientId, String keyId, Instant at) {
        jdbc.sql("UPDATE api_key SET revoked_at = :at WHERE id = :id AND client_id = :clientId "
                        + "AND revoked_at IS NULL")
                .param("at", utc(at))
                .param("id", keyId)
                .param("clientId", clientId)
                .update();
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE id = :id AND client_id = :clientId")
                .param("id", keyId)
                .param("clientId", clientId)
                .query(Long.class).single() == 1;
    }

    private static StoredApiKey map(ResultSet rs, int row) throws SQLException {
        Set<Scope> scopes = Scope.parseAll(rs.getString("scopes"));
        return new StoredApiKey(rs.getString("id"), rs.getString("client_id"), rs.getString("key_prefix"), scopes,
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
