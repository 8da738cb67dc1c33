package io.hookline.dispatcher.endpoint;

import static io.hookline.dispatcher.endpoint.EndpointStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The disable state in the database: on the {@code endpoints} row for endpoints created through the API, in
 * {@code configured_endpoint_states} for configured ones. Disabling is one conditional update
 * ({@code … where disabled_at is null}), so of several instances disabling the same endpoint at once exactly
 * one is told it did. Thread-safe.
 */
@Repository
class DisablementStore {

    private final JdbcClient jdbc;

    DisablementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Disables an enabled API endpoint; {@code true} only for the call that changed the row. */
    boolean disableStored(String id, Disablement disablement) {
        return jdbc.sql("""
                update endpoints set enabled = false, disabled_reason = ?, disabled_at = ?, failing_since = ?,
                updated_at = ? where id = ? and enabled = true and disabled_at is null""")
                .params(disablement.reason(), utc(disablement.disabledAt()), utc(disablement.failingSince()),
                        utc(disablement.disabledAt()), id)
                .update() == 1;
    }

    /** Disables a configured endpoint; {@code true} only for the call that changed the row. */
    boolean disableConfigured(String id, Disablement disablement) {
        try {
            jdbc.sql("insert into configured_endpoint_states (endpoint_id) values (?)").param(id).update();
        } catch (DuplicateKeyException e) {
            // the row is there already: the conditional update below decides
        }
        return jdbc.sql("""
                update configured_endpoint_states set disabled_reason = ?, disabled_at = ?, failing_since = ?
                where endpoint_id = ? and disabled_at is null""")
                .params(disablement.reason(), utc(disablement.disabledAt()), utc(disablement.failingSince()), id)
                .update() == 1;
    }

    /** Enables a configured endpoint; attempts before {@code at} no longer count towards auto-disable. */
    void enableConfigured(String id, Instant at) {
        int changed = jdbc.sql("""
                update configured_endpoint_states set disabled_reason = null, disabled_at = null,
                failing_since = null, reenabled_at = ? where endpoint_id = ?""").params(utc(at), id).update();
        if (changed == 0) {
            try {
                jdbc.sql("insert into configured_endpoint_states (endpoint_id, reenabled_at) values (?, ?)")
                        .params(id, utc(at)).update();
            } catch (DuplicateKeyException e) {
                enableConfigured(id, at);
            }
        }
    }

    /** The configured endpoints' states: disablement (or none) and when each was last enabled again. */
    Map<String, ConfiguredState> configuredStates() {
        Map<String, ConfiguredState> states = new HashMap<>();
        jdbc.sql("select * from configured_endpoint_states").query(rs -> {
            states.put(rs.getString("endpoint_id"), new ConfiguredState(disablement(rs), instant(rs, "reenabled_at")));
        });
        return states;
    }

    Optional<ConfiguredState> configuredState(String id) {
        return jdbc.sql("select * from configured_endpoint_states where endpoint_id = ?").param(id)
                .query((rs, row) -> new ConfiguredState(disablement(rs), instant(rs, "reenabled_at"))).optional();
    }

    /** A configured endpoint's row: its disablement ({@code null}: enabled), when it was last enabled again. */
    record ConfiguredState(Disablement disablement, Instant reenabledAt) {
    }

    /** The disablement of an {@code endpoints} or {@code configured_endpoint_states} row, or {@code null}. */
    static Disablement disablement(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "disabled_at");
        String reason = rs.getString("disabled_reason");
        return at == null ? null
                : new Disablement(reason == null ? Disablement.BY_OPERATOR : reason, at, instant(rs, "failing_since"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
