package io.hookline.dispatcher.attempt;

import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The attempt rows and their counters on PostgreSQL ({@link AttemptCountsScenario}). */
class AttemptCountsPostgresTests {

    @Test
    void writesEachBatchWithItsPerMinuteCounters() {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        new AttemptCountsScenario(new SimpleDriverDataSource(new org.postgresql.Driver(), TestPostgres.freshSchema(),
                TestPostgres.user(), TestPostgres.password())).run();
    }
}
