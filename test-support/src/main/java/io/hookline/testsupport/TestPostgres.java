package io.hookline.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server tests may use, when one is reachable. Its JDBC URL comes from the system property
 * {@code test.postgres.url} or the environment variable {@code TEST_POSTGRES_URL} (user and password from
 * {@code test.postgres.user}/{@code TEST_POSTGRES_USER}, default {@code postgres}, and
 * {@code test.postgres.password}/{@code TEST_POSTGRES_PASSWORD}, default empty). Without a URL, or when the
 * server does not answer, {@link #available()} is empty and tests skip with {@link #unavailableReason()}.
 *
 * <p>Each {@link #freshSchema()} is a new, empty schema, so test classes never see each other's tables.
 * Thread-safe.
 */
public final class TestPostgres {

    private static Optional<Boolean> reachable = Optional.empty();
    private static String reason = "";

    private TestPostgres() {
    }

    /** The configured URL when the server answers; empty otherwise. */
    public static synchronized Optional<String> available() {
        String url = setting("test.postgres.url", "TEST_POSTGRES_URL", "");
        if (url.isBlank()) {
            reason = "no PostgreSQL configured (set TEST_POSTGRES_URL or -Dtest.postgres.url); "
                    + "PostgreSQL tests are skipped";
            return Optional.empty();
        }
        if (reachable.isEmpty()) {
            try (Connection ignored = connect(url)) {
                reachable = Optional.of(true);
            } catch (SQLException e) {
                reachable = Optional.of(false);
                reason = "PostgreSQL at " + url + " is not reachable (" + e.getMessage()
                        + "); PostgreSQL tests are skipped";
            }
        }
        return reachable.get() ? Optional.of(url) : Optional.empty();
    }

    /** Why {@link #available()} is empty, for the skip message. */
    public static synchronized String unavailableReason() {
        available();
        return reason;
    }

    /**
     * Creates a new empty schema and returns a JDBC URL whose connections use it by default.
     *
     * @throws IllegalStateException when no PostgreSQL is available (check {@link #available()} first)
     */
    public static String freshSchema() {
        String url = available().orElseThrow(() -> new IllegalStateException(unavailableReason()));
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return setting("test.postgres.user", "TEST_POSTGRES_USER", "postgres");
    }

    public static String password() {
        return setting("test.postgres.password", "TEST_POSTGRES_PASSWORD", "");
    }

    private static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(url, user(), password());
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
