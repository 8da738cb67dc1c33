package io.hookline.orders.outbox;

import io.hookline.orders.UsesTestPostgres;
import io.hookline.testsupport.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The claim on PostgreSQL, the production database; skipped (saying why) when none is reachable. */
@ExtendWith(UsesTestPostgres.RequiresPostgres.class)
class OutboxClaimPostgresTests extends OutboxClaimTestSupport {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(TestPostgres.freshSchema(), TestPostgres.user(), TestPostgres.password());
    }

    @Override
    boolean claimsInParallel() {
        return true;
    }
}
