package io.hookline.orders.outbox;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Outbox retention on H2, the local default database. */
class OutboxRetentionH2Tests extends OutboxRetentionTestSupport {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:retention_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
