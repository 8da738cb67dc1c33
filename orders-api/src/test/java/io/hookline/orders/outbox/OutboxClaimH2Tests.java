package io.hookline.orders.outbox;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The claim on H2 (2.4 supports {@code FOR UPDATE SKIP LOCKED}): what the local default database does. */
class OutboxClaimH2Tests extends OutboxClaimTestSupport {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:claim_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    boolean claimsInParallel() {
        return false;
    }
}
