package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.secrets.SecretColumn;
import io.hookline.support.secrets.SecretDecryptionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoints and their signing secrets in the database ({@code endpoints}, {@code endpoint_secrets}).
 * Every dispatcher instance reads the same tables, which is how they share one endpoint set. Secrets are written
 * encrypted and read decrypted ({@link SecretColumn}); a secret that does not decrypt is left out of what is read
 * (its endpoint signs with its other secrets, or is not delivered to) and logged once, naming the key id.
 * Thread-safe.
 */
@Repository
class EndpointStore {

    /** A secret in force (decrypted) and when it stops being used ({@code null}: until rotated). */
    record StoredSecret(String endpointId, String secret, Instant createdAt, Instant expiresAt) {

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "StoredSecret[endpointId=" + endpointId + ", secret=***, createdAt=" + createdAt + ", expiresAt="
                    + expiresAt + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EndpointStore.class);

    private final JdbcClient jdbc;
    private final SecretColumn secrets;
    private final Set<Long> reportedUnreadable = ConcurrentHashMap.newKeySet();

    EndpointStore(JdbcClient jdbc, SecretColumn secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    List<StoredEndpoint> findAll() {
        return jdbc.sql("select * from endpoints order by created_at, id").query(EndpointStore::endpoint).list();
    }

    Optional<StoredEndpoint> find(String id) {
        return jdbc.sql("select * from endpoints where id = ?").param(id).query(EndpointStore::endpoint).optional();
    }

    /** Secrets not yet expired at {@code now}, decrypted, newest first, grouped by endpoint. */
    Map<String, List<StoredSecret>> secretsInForce(Instant now) {
        return jdbc.sql("""
                select endpoint_id, secret, created_at, expires_at, id from endpoint_secrets
                where expires_at is null or expires_at > ? order by created_at desc, id desc""")
                .param(utc(now))
                .query((rs, row) -> decrypted(rs.getLong(5), rs.getString(1), rs.getString(2), instant(rs, 3),
                        instant(rs, 4)))
                .list().stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(StoredSecret::endpointId));
    }

    private StoredSecret decrypted(long rowId, String endpointId, String stored, Instant createdAt, Instant expiresAt) {
        try {
            StoredSecret secret = new StoredSecret(endpointId, secrets.open(endpointId, stored), createdAt, expiresAt);
            reportedUnreadable.remove(rowId);
            return secret;
        } catch (SecretDecryptionException e) {
            if (reportedUnreadable.add(rowId)) {
                log.error("Endpoint {} has a secret that cannot be read; it does not sign: {}", endpointId,
                        e.getMessage());
            }
            return null;
        }
    }

    @Transactional
    void insert(StoredEndpoint endpoint, String secret) {
        jdbc.sql("""
                insert into endpoints (id, url, description, event_types, enabled, created_at, updated_at,
                    disabled_reason, disabled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(endpoint.id(), endpoint.url(), endpoint.description(), String.join(" ", endpoint.eventTypes()),
                        endpoint.enabled(), utc(endpoint.createdAt()), utc(endpoint.updatedAt()),
                        endpoint.disabled() == null ? null : endpoint.disabled().reason(),
                        endpoint.disabled() == null ? null : utc(endpoint.disabled().disabledAt()))
                .update();
        addSecret(endpoint.id(), secret, endpoint.createdAt());
    }

    /** Writes every field, the disable state included. */
    boolean update(StoredEndpoint endpoint) {
        Disablement disabled = endpoint.disabled();
        return jdbc.sql("""
                update endpoints set url = ?, description = ?, event_types = ?, enabled = ?, updated_at = ?,
                disabled_reason = ?, disabled_at = ?, failing_since = ?, reenabled_at = ?
                where id = ?""")
                .params(endpoint.url(), endpoint.description(), String.join(" ", endpoint.eventTypes()),
                        endpoint.enabled(), utc(endpoint.updatedAt()), disabled == null ? null : disabled.reason(),
                        disabled == null ? null : utc(disabled.disabledAt()),
                        disabled == null ? null : utc(disabled.failingSince()), utc(endpoint.reenabledAt()),
                        endpoint.id())
                .update() == 1;
    }

    boolean delete(String id) {
        jdbc.sql("delete from endpoint_secrets where endpoint_id = ?").param(id).update();
        return jdbc.sql("delete from endpoints where id = ?").param(id).update() == 1;
    }

    /** Adds a new secret and lets every secret still in force expire at {@code oldExpireAt}. */
    @Transactional
    void rotate(String id, String newSecret, Instant now, Instant oldExpireAt) {
        jdbc.sql("update endpoint_secrets set expires_at = ? where endpoint_id = ? and (expires_at is null or expires_at > ?)")
                .params(utc(oldExpireAt), id, utc(oldExpireAt)).update();
        addSecret(id, newSecret, now);
        jdbc.sql("update endpoints set updated_at = ? where id = ?").params(utc(now), id).update();
    }

    /** Removes secrets that expired before {@code now}. */
    int deleteExpiredSecrets(Instant now) {
        return jdbc.sql("delete from endpoint_secrets where expires_at <= ?").param(utc(now)).update();
    }

    private void addSecret(String id, String secret, Instant now) {
        jdbc.sql("insert into endpoint_secrets (endpoint_id, secret, created_at) values (?, ?, ?)")
                .params(id, secrets.seal(id, secret), utc(now)).update();
    }

    private static StoredEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        String types = rs.getString("event_types");
        List<String> eventTypes = types.isBlank() ? List.of() : Arrays.asList(types.trim().split(" +"));
        boolean enabled = rs.getBoolean("enabled");
        return new StoredEndpoint(rs.getString("id"), rs.getString("url"), rs.getString("description"), eventTypes,
                enabled, instant(rs, "created_at"), instant(rs, "updated_at"),
                enabled ? null : DisablementStore.disablement(rs), instant(rs, "reenabled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
