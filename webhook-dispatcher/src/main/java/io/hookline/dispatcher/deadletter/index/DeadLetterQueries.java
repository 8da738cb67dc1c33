package io.hookline.dispatcher.deadletter.index;

import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the dead-letter index: one, a page (newest first) and totals. Thread-safe. */
@Repository
public class DeadLetterQueries {

    /** Newest first; the id breaks ties so that pages never skip or repeat a row. */
    private static final String ORDER = " order by dead_lettered_at desc, id desc";

    public record EndpointCount(String endpointId, long count) {
    }

    private final JdbcClient jdbc;

    DeadLetterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeadLetter> find(String id) {
        return jdbc.sql("select " + DeadLetterRows.ALL_COLUMNS + " from dead_letters where id = ?").param(id)
                .query(DeadLetterRows::withBody).optional();
    }

    /** Up to {@code limit} summaries after the cursor ({@code null}: from the newest). */
    public List<DeadLetter> page(DeadLetterFilter filter, DeadLetterCursor after, int limit, boolean withBody) {
        DeadLetterFilter.Sql where = filter.toSql();
        List<Object> params = new ArrayList<>(where.params());
        String condition = where.condition();
        if (after != null) {
            condition += " and (dead_lettered_at < ? or (dead_lettered_at = ? and id < ?))";
            params.add(DeadLetterFilter.utc(after.deadLetteredAt()));
            params.add(DeadLetterFilter.utc(after.deadLetteredAt()));
            params.add(after.id());
        }
        String columns = withBody ? DeadLetterRows.ALL_COLUMNS : DeadLetterRows.SUMMARY_COLUMNS;
        return jdbc.sql("select " + columns + " from dead_letters where " + condition + ORDER
                + " fetch first " + limit + " rows only").params(params)
                .query(withBody ? DeadLetterRows::withBody : DeadLetterRows::summary).list();
    }

    public long count(DeadLetterFilter filter) {
        DeadLetterFilter.Sql where = filter.toSql();
        return jdbc.sql("select count(*) from dead_letters where " + where.condition()).params(where.params())
                .query(Long.class).single();
    }

    /** Matching dead letters per endpoint, most first. */
    public List<EndpointCount> countByEndpoint(DeadLetterFilter filter) {
        DeadLetterFilter.Sql where = filter.toSql();
        return jdbc.sql("select endpoint_id, count(*) as n from dead_letters where " + where.condition()
                + " group by endpoint_id order by n desc, endpoint_id").params(where.params())
                .query((rs, row) -> new EndpointCount(rs.getString(1), rs.getLong(2))).list();
    }
}
