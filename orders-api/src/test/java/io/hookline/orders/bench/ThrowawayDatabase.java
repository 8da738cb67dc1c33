package io.hookline.orders.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database on the server of a given JDBC URL, created for one benchmark run and dropped after
 * it, so every run starts from empty tables whatever ran before.
 */
final class ThrowawayDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String name;

    private ThrowawayDatabase(String serverUrl, String user, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.name = name;
    }

    static ThrowawayDatabase create(String url, String user) throws SQLException {
        String name = "hookline_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        ThrowawayDatabase database = new ThrowawayDatabase(url, user, name);
        database.execute("CREATE DATABASE " + name);
        return database;
    }

    /** The given URL with its database replaced by the throwaway one. */
    String url() {
        return serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
