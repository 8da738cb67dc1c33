package io.hookline.orders.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code client} table, through {@link JdbcClient}. Portable SQL; thread-safe; callers own transactions. */
@Repository
class ClientRepository {

    private static final String COLUMNS = "id, name, created_at, callback_key_version, "
            + "previous_callback_key_version, previous_valid_until";

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Client client) {
        jdbc.sql("INSERT INTO client (" + COLUMNS + ") VALUES (:id, :name, :createdAt, :version, :previous, "
                        + ":previousValidUntil)")
                .param("id", client.id())
                .param("name", client.name())
                .param("createdAt", utc(client.createdAt()))
                .param("version", client.callbackKeyVersion())
                .param("previous", client.previousCallbackKeyVersion(), Types.INTEGER)
                .param("previousValidUntil", utc(client.previousValidUntil()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    Optional<Client> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM client WHERE id = :id")
                .param("id", id)
                .query(ClientRepository::map)
                .optional();
    }

    List<Client> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM client ORDER BY created_at, id")
                .query(ClientRepository::map)
                .list();
    }

    /**
     * Bumps the callback key version in one statement (concurrent rotations each get their own version); the
     * version it replaces stays valid until {@code previousValidUntil}.
     *
     * @return whether the client exists
     */
    boolean rotateCallbackKey(String id, Instant previousValidUntil) {
        return jdbc.sql("UPDATE client SET previous_callback_key_version = callback_key_version, "
                        + "callback_key_version = callback_key_version + 1, previous_valid_until = :until "
                        + "WHERE id = :id")
                .param("until", utc(previousValidUntil))
                .param("id", id)
                .update() == 1;
    }

    private static Client map(ResultSet rs, int row) throws SQLException {
        int previous = rs.getInt("previous_callback_key_version");
        Integer previousVersion = rs.wasNull() ? null : previous;
        OffsetDateTime until = rs.getObject("previous_valid_until", OffsetDateTime.class);
        return new Client(rs.getString("id"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("callback_key_version"),
                previousVersion, until == null ? null : until.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
