package io.hookline.dispatcher.secrets;

import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Re-encryption on PostgreSQL ({@link ReencryptionScenario}): a fresh schema, migrated. */
class ReencryptionPostgresTests {

    @Test
    void encryptsClearRowsReencryptsUnderANewKeyInBatchesAndStopsOnAnUnknownKey() {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        new ReencryptionScenario(new SimpleDriverDataSource(new org.postgresql.Driver(), TestPostgres.freshSchema(),
                TestPostgres.user(), TestPostgres.password())).run();
    }
}
