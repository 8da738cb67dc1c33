package io.hookline.orders.outbox;

import io.hookline.testsupport.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** Two instances on one PostgreSQL schema: the production set-up. Skipped, saying why, without PostgreSQL. */
class TwoInstancesPostgresIntegrationTests extends TwoInstancesTestSupport {

    @BeforeAll
    static void requirePostgres() {
        Assumptions.assumeTrue(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
    }

    @Override
    Map<String, Object> sharedDatabase() {
        return Map.of("spring.datasource.url", TestPostgres.freshSchema(),
                "spring.datasource.username", TestPostgres.user(),
                "spring.datasource.password", TestPostgres.password());
    }

    @Override
    boolean claimsInParallel() {
        return true;
    }
}
