package io.hookline.receiver.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} table (H2 or PostgreSQL). Thread-safe; every call is its own statement.
 */
@Repository
public class NotificationStore {

    private static final String COLUMNS = "event_id, order_id, customer_email, product_name, quantity, amount, "
            + "currency, status, received_at, processed_at";

    private final JdbcClient jdbc;

    public NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the notification unless one with the same event id exists. Portable insert-if-absent: the
     * primary key on {@code event_id} refuses the second row and that refusal means "already recorded".
     * Run it in its own statement (auto-commit): inside a larger PostgreSQL transaction a refused insert
     * would abort that transaction.
     *
     * @return {@code true} if it was inserted, {@code false} if it was already there
     */
    public boolean recordIfAbsent(Notification n) {
        try {
            jdbc.sql("INSERT INTO notifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(n.eventId(), n.orderId(), n.customerEmail(), n.productName(), n.quantity(),
                            n.amount(), n.currency(), n.status().wireValue(), utc(n.receivedAt()),
                            utc(n.processedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** The notifications of one order, oldest first; empty when there are none. */
    public List<Notification> findByOrderId(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE order_id = ? ORDER BY received_at, event_id")
                .param(orderId)
                .query(NotificationStore::map)
                .list();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getString("event_id"), rs.getString("order_id"), rs.getString("customer_email"),
                rs.getString("product_name"), rs.getInt("quantity"), rs.getString("amount"),
                rs.getString("currency"), NotificationStatus.fromWireValue(rs.getString("status")),
                instant(rs, "received_at"), instant(rs, "processed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
