package io.hookline.receiver.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Fresh, migrated databases for the tests that must hold on both engines the receiver supports: H2 (in
 * memory) and PostgreSQL (a fresh schema on {@link TestPostgres}; skipped, saying why, when there is none).
 */
public final class TestDatabases {

    public static final String H2 = "H2";
    public static final String POSTGRESQL = "PostgreSQL";

    private TestDatabases() {
    }

    /** A new empty database of that engine with the receiver's migrations applied; returns its JDBC URL. */
    public static String fresh(String engine) {
        String url;
        if (POSTGRESQL.equals(engine)) {
            Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
            url = TestPostgres.freshSchema();
        } else {
            url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        Flyway.configure().dataSource(url, user(engine), password(engine)).load().migrate();
        return url;
    }

    /** A connection pool on that database: one per simulated receiver instance. */
    public static HikariDataSource pool(String engine, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user(engine));
        config.setPassword(password(engine));
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static String user(String engine) {
        return POSTGRESQL.equals(engine) ? TestPostgres.user() : "sa";
    }

    private static String password(String engine) {
        return POSTGRESQL.equals(engine) ? TestPostgres.password() : "";
    }
}
