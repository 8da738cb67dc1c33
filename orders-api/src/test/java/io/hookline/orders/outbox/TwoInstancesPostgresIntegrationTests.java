package io.hookline.orders.outbox;

import io.hookline.orders.UsesTestPostgres;
import io.hookline.testsupport.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances on one PostgreSQL schema: the production set-up. Skipped, saying why, without PostgreSQL. */
@ExtendWith(UsesTestPostgres.RequiresPostgres.class)
class TwoInstancesPostgresIntegrationTests extends TwoInstancesTestSupport {

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
