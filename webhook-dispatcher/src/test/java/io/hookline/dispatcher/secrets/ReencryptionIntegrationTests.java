package io.hookline.dispatcher.secrets;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Re-encryption on H2 ({@link ReencryptionScenario}): a fresh in-memory database, migrated. */
class ReencryptionIntegrationTests {

    @Test
    void encryptsClearRowsReencryptsUnderANewKeyInBatchesAndStopsOnAnUnknownKey() {
        new ReencryptionScenario(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:reencryption-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")).run();
    }
}
