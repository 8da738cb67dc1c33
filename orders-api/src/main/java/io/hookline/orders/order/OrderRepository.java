package io.hookline.orders.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in the {@code orders} table, through {@link JdbcClient}. Portable SQL (H2 and PostgreSQL). Thread-safe;
 * callers own the transactions.
 */
@Repository
public class OrderRepository {

    private static final String COLUMNS = "id, status, customer_email, product_name, quantity, unit_price, "
            + "currency, amount, callback_url, failure_reason, created_at, updated_at, paid_at, client_id, "
            + "cancelled_at, cancellation_reason, refunded_at, refund_id, refund_reason, refunded_amount";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order) {
        jdbc.sql("INSERT INTO orders (" + COLUMNS + ") VALUES (:id, :status, :customerEmail, :productName, "
                        + ":quantity, :unitPrice, :currency, :amount, :callbackUrl, :failureReason, :createdAt, "
                        + ":updatedAt, :paidAt, :clientId, NULL, NULL, NULL, NULL, NULL, NULL)")
                .param("id", order.id())
                .param("status", order.status().value())
                .param("customerEmail", order.customerEmail())
                .param("productName", order.productName())
                .param("quantity", order.quantity())
                .param("unitPrice", order.unitPrice().amount())
                .param("currency", order.currency().getCurrencyCode())
                .param("amount", order.amount().amount())
                .param("callbackUrl", order.callbackUrl(), Types.VARCHAR)
                .param("failureReason", order.failureReason(), Types.VARCHAR)
                .param("createdAt", utc(order.createdAt()))
                .param("updatedAt", utc(order.updatedAt()))
                .param("paidAt", utc(order.paidAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("clientId", order.clientId(), Types.VARCHAR)
                .update();
    }

    public Optional<Order> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .param("id", id)
                .query(OrderRepository::map)
                .optional();
    }

    /**
     * Up to {@code query.limit() + 1} orders matching the query, newest first (creation time, then id), after the
     * query's cursor. Keyset pagination on the {@code (created_at, id)} indexes.
     *
     * @param clientId only this client's orders, or {@code null} for every order (admin)
     */
    public List<Order> find(OrderQuery query, String clientId) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (clientId != null) {
            where.append(" AND client_id = :clientId");
            params.put("clientId", clientId);
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.put("status", query.status().value());
        }
        if (query.customerEmail() != null) {
            where.append(" AND customer_email = :email");
            params.put("email", query.customerEmail());
        }
        if (query.after() != null) {
            where.append(" AND (created_at < :afterCreated OR (created_at = :afterCreated AND id < :afterId))");
            params.put("afterCreated", utc(query.after().createdAt()));
            params.put("afterId", query.after().id());
        }
        params.put("limit", query.limit() + 1);
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY created_at DESC, id DESC "
                        + "FETCH FIRST :limit ROWS ONLY")
                .params(params)
                .query(OrderRepository::map)
                .list();
    }

    /**
     * Writes every changeable column of the order (status, failure reason, paid at, updated at, cancellation,
     * refund), but only while the stored status is one of {@code from}. The condition is evaluated by the database
     * under the row lock, so of concurrent changes of one order exactly one wins.
     *
     * @return whether the row was updated; {@code false} when its status is no longer one of {@code from} (or it
     *         is gone)
     */
    public boolean updateIfStatusIn(Order changed, Set<OrderStatus> from) {
        Cancellation cancellation = changed.cancellation();
        Refund refund = changed.refund();
        int rows = jdbc.sql("UPDATE orders SET status = :status, failure_reason = :failureReason, "
                        + "paid_at = :paidAt, updated_at = :updatedAt, cancelled_at = :cancelledAt, "
                        + "cancellation_reason = :cancellationReason, refunded_at = :refundedAt, "
                        + "refund_id = :refundId, refund_reason = :refundReason, refunded_amount = :refundedAmount "
                        + "WHERE id = :id AND status IN (:from)")
                .param("status", changed.status().value())
                .param("failureReason", changed.failureReason(), Types.VARCHAR)
                .param("paidAt", utc(changed.paidAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("updatedAt", utc(changed.updatedAt()))
                .param("cancelledAt", cancellation == null ? null : utc(cancellation.cancelledAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("cancellationReason", cancellation == null ? null : cancellation.reason(), Types.VARCHAR)
                .param("refundedAt", refund == null ? null : utc(refund.refundedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("refundId", refund == null ? null : refund.id(), Types.VARCHAR)
                .param("refundReason", refund == null ? null : refund.reason(), Types.VARCHAR)
                .param("refundedAmount", refund == null ? null : refund.amount().amount(), Types.NUMERIC)
                .param("id", changed.id())
                .param("from", from.stream().map(OrderStatus::value).toList())
                .update();
        return rows == 1;
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Order(
                rs.getString("id"),
                OrderStatus.fromValue(rs.getString("status")),
                rs.getString("customer_email"),
                rs.getString("product_name"),
                rs.getInt("quantity"),
                new Money(rs.getBigDecimal("unit_price"), currency),
                new Money(rs.getBigDecimal("amount"), currency),
                rs.getString("callback_url"),
                rs.getString("failure_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "paid_at"),
                rs.getString("client_id"),
                cancellation(rs),
                refund(rs, currency));
    }

    private static Cancellation cancellation(ResultSet rs) throws SQLException {
        String reason = rs.getString("cancellation_reason");
        return reason == null ? null : new Cancellation(reason, instant(rs, "cancelled_at"));
    }

    private static Refund refund(ResultSet rs, Currency currency) throws SQLException {
        String id = rs.getString("refund_id");
        return id == null ? null : new Refund(id, new Money(rs.getBigDecimal("refunded_amount"), currency),
                rs.getString("refund_reason"), instant(rs, "refunded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
