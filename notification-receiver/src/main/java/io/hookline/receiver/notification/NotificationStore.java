package io.hookline.receiver.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} table (H2 or PostgreSQL). Thread-safe; every call is its own statement
 * (auto-commit), and every state change is a conditional UPDATE, so several threads and several receiver
 * instances sharing one database never both win the same transition.
 */
@Repository
public class NotificationStore {

    private static final String COLUMNS = "event_id, order_id, customer_email, product_name, quantity, amount, "
            + "currency, status, received_at, processed_at, attempts, sent_at, subject, message_id, last_error, trace_id";
    private static final int MAX_ERROR_LENGTH = 500;

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
            jdbc.sql("INSERT INTO notifications (event_id, order_id, customer_email, product_name, quantity, "
                            + "amount, currency, status, received_at, processed_at, trace_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(n.eventId(), n.orderId(), n.customerEmail(), n.productName(), n.quantity(),
                            n.amount(), n.currency(), n.status().wireValue(), utc(n.receivedAt()),
                            utc(n.processedAt()), n.traceId())
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /**
     * Claims the e-mail of a notification for sending: moves it to {@code sending} if it is
     * {@code received}, {@code retrying} or {@code failed}, or if it is {@code sending} under a claim taken
     * before {@code staleBefore} (its worker died mid-send). Exactly one concurrent caller wins.
     *
     * @return {@code true} if this caller now owns the send
     */
    public boolean claimForSending(String eventId, Instant now, Instant staleBefore) {
        return jdbc.sql("UPDATE notifications SET status = 'sending', attempts = attempts + 1, sending_since = ?, "
                        + "last_error = NULL WHERE event_id = ? AND (status IN ('received', 'retrying', 'failed') "
                        + "OR (status = 'sending' AND sending_since < ?))")
                .params(utc(now), eventId, utc(staleBefore))
                .update() == 1;
    }

    /** Records that the SMTP server accepted the e-mail; only the current claim's owner calls this. */
    public boolean markSent(String eventId, Instant sentAt, String subject, String messageId) {
        return jdbc.sql("UPDATE notifications SET status = 'sent', sent_at = ?, subject = ?, message_id = ?, "
                        + "sending_since = NULL, last_error = NULL WHERE event_id = ? AND status = 'sending'")
                .params(utc(sentAt), subject, messageId, eventId)
                .update() == 1;
    }

    /** Gives a claim back after a failed attempt that will be retried. */
    public void markRetrying(String eventId, String error) {
        jdbc.sql("UPDATE notifications SET status = 'retrying', sending_since = NULL, last_error = ? "
                        + "WHERE event_id = ? AND status = 'sending'")
                .params(truncate(error), eventId)
                .update();
    }

    /** The e-mail will not be attempted again unless the event is delivered again; never undoes a send. */
    public void markFailed(String eventId, String error) {
        jdbc.sql("UPDATE notifications SET status = 'failed', sending_since = NULL, last_error = ? "
                        + "WHERE event_id = ? AND status <> 'sent'")
                .params(truncate(error), eventId)
                .update();
    }

    public Optional<Notification> find(String eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE event_id = ?")
                .param(eventId)
                .query(NotificationStore::map)
                .optional();
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
                instant(rs, "received_at"), instant(rs, "processed_at"), rs.getInt("attempts"),
                instant(rs, "sent_at"), rs.getString("subject"), rs.getString("message_id"),
                rs.getString("last_error"), rs.getString("trace_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
