package io.hookline.dispatcher.retention;

import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Retention on PostgreSQL ({@link RetentionScenario}): a fresh schema, migrated, an injected clock. */
class RetentionPostgresTests {

    @Test
    void deletesWhatIsPastItsAgeInSmallBatchesAndKeepsTheRest() {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        new RetentionScenario(new SimpleDriverDataSource(new org.postgresql.Driver(), TestPostgres.freshSchema(),
                TestPostgres.user(), TestPostgres.password())).run();
    }
}
