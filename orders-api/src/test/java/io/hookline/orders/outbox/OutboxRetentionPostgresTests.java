package io.hookline.orders.outbox;

import io.hookline.orders.UsesTestPostgres;
import io.hookline.testsupport.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Outbox retention on PostgreSQL, the production database; skipped (saying why) when none is reachable. */
@ExtendWith(UsesTestPostgres.RequiresPostgres.class)
class OutboxRetentionPostgresTests extends OutboxRetentionTestSupport {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(TestPostgres.freshSchema(), TestPostgres.user(), TestPostgres.password());
    }
}
