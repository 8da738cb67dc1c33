package io.hookline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two connections, as two service instances would open them, see one database kept in one file. */
class SharedDatabasesIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void twoClientsShareOneFileDatabaseThroughTheServer() throws Exception {
        try (SharedDatabases databases = SharedDatabases.start(dir, 0);
                Connection one = DriverManager.getConnection(databases.url("orders"), "sa", "");
                Connection two = DriverManager.getConnection(databases.url("orders"), "sa", "")) {
            assertThat(databases.port()).isPositive();
            one.createStatement().execute("CREATE TABLE t (v INT)");
            one.createStatement().execute("INSERT INTO t VALUES (42)");
            try (ResultSet rows = two.createStatement().executeQuery("SELECT v FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(Files.exists(dir.resolve("orders.mv.db"))).as("the same file the single stack opens").isTrue();
    }
}
