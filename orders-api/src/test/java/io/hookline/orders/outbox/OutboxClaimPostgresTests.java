package io.hookline.orders.outbox;

import io.hookline.testsupport.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The claim on PostgreSQL, the production database; skipped (saying why) when none is reachable. */
class OutboxClaimPostgresTests extends OutboxClaimTestSupport {

    @BeforeAll
    static void requirePostgres() {
        Assumptions.assumeTrue(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(TestPostgres.freshSchema(), TestPostgres.user(), TestPostgres.password());
    }

    @Override
    boolean claimsInParallel() {
        return true;
    }
}
