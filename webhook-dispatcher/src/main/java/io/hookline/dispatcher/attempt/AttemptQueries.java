package io.hookline.dispatcher.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads recorded attempts, newest last per event and newest first per endpoint. Thread-safe. */
@Repository
public class AttemptQueries {

    private final JdbcClient jdbc;

    AttemptQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeliveryAttempt> forEvent(String eventId) {
        return jdbc.sql("select * from delivery_attempts where event_id = ? order by attempted_at, id")
                .param(eventId).query(AttemptQueries::attempt).list();
    }

    /**
     * Every attempt of one delivery (its first run and any replays), oldest first. A delivery belongs to one
     * event, so the event's index finds its few rows; a delivery index of its own would cost every insert of
     * the attempt log (the busiest write of the dispatcher) for a lookup an operator makes now and then.
     */
    public List<DeliveryAttempt> forDelivery(String eventId, String deliveryId) {
        return jdbc.sql("select * from delivery_attempts where event_id = ? and delivery_id = ? "
                + "order by attempted_at, id").param(eventId).param(deliveryId).query(AttemptQueries::attempt).list();
    }

    List<DeliveryAttempt> forEndpoint(String endpointId, int limit) {
        return jdbc.sql("select * from delivery_attempts where endpoint_id = ? order by attempted_at desc, id desc "
                + "fetch first " + limit + " rows only").param(endpointId).query(AttemptQueries::attempt).list();
    }

    private static DeliveryAttempt attempt(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("status");
        return new DeliveryAttempt(rs.getString("delivery_id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("endpoint_id"), rs.getInt("attempt"),
                rs.getObject("attempted_at", OffsetDateTime.class).toInstant(), rs.getBoolean("succeeded"),
                rs.wasNull() ? null : status, rs.getLong("latency_ms"), rs.getString("response_body"),
                rs.getString("error"));
    }
}
