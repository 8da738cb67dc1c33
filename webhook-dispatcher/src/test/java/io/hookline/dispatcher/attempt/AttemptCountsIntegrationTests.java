package io.hookline.dispatcher.attempt;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The attempt rows and their counters on H2 ({@link AttemptCountsScenario}). */
class AttemptCountsIntegrationTests {

    @Test
    void writesEachBatchWithItsPerMinuteCounters() {
        new AttemptCountsScenario(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:attempt-counts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")).run();
    }
}
