package io.hookline.dispatcher.endpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoints and their signing secrets in the database ({@code endpoints}, {@code endpoint_secrets}).
 * Every dispatcher instance reads the same tables, which is how they share one endpoint set. Thread-safe.
 */
@Repository
class EndpointStore {

    /** A secret in force and when it stops being used ({@code null}: until rotated). */
    record StoredSecret(String endpointId, String secret, Instant createdAt, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    EndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredEndpoint> findAll() {
        return jdbc.sql("select * from endpoints order by created_at, id").query(EndpointStore::endpoint).list();
    }

    Optional<StoredEndpoint> find(String id) {
        return jdbc.sql("select * from endpoints where id = ?").param(id).query(EndpointStore::endpoint).optional();
    }

    /** Secrets not yet expired at {@code now}, newest first, grouped by endpoint. */
    Map<String, List<StoredSecret>> secretsInForce(Instant now) {
        return jdbc.sql("""
                select endpoint_id, secret, created_at, expires_at from endpoint_secrets
                where expires_at is null or expires_at > ? order by created_at desc, id desc""")
                .param(utc(now))
                .query((rs, row) -> new StoredSecret(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)))
                .list().stream()
                .collect(Collectors.groupingBy(StoredSecret::endpointId));
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
                .params(id, secret, utc(now)).update();
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
