package io.hookline.dispatcher.retention;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Retention on H2 ({@link RetentionScenario}): a fresh in-memory database, migrated, an injected clock. */
class RetentionIntegrationTests {

    @Test
    void deletesWhatIsPastItsAgeInSmallBatchesAndKeepsTheRest() {
        new RetentionScenario(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")).run();
    }
}
