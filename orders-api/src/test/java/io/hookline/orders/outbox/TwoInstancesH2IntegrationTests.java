package io.hookline.orders.outbox;

import java.util.Map;
import java.util.UUID;

/**
 * Two instances on one H2 database. H2's file mode admits one process, so in production two instances means
 * PostgreSQL; two contexts in one JVM can share an in-memory H2 database, which shows the same claim SQL
 * ({@code FOR UPDATE SKIP LOCKED}) holds on H2 as well.
 */
class TwoInstancesH2IntegrationTests extends TwoInstancesTestSupport {

    @Override
    Map<String, Object> sharedDatabase() {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:twins_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    boolean claimsInParallel() {
        return false;
    }
}
