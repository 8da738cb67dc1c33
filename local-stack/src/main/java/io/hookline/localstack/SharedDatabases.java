package io.hookline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * An H2 TCP server in the launcher's JVM serving the H2 file databases under one directory, so that several
 * instances of one service (two orders-api relaying one outbox, two receivers deduplicating in one table) share
 * a database. An H2 file opened directly admits one process; through this server it admits any number, and a
 * service instance killed with SIGKILL takes no database down with it (the server outlives every instance).
 * The files are the ones the single-instance stack opens directly ({@code <dir>/orders.mv.db}, ...), so data
 * carries over between the two modes. Listens on 127.0.0.1 only. Thread-safe.
 */
public final class SharedDatabases implements AutoCloseable {

    private final Server server;

    private SharedDatabases(Server server) {
        this.server = server;
    }

    /** Starts the server on {@code port} (0 = any free port) for the databases under {@code dir}. */
    public static SharedDatabases start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir",
                    dir.toAbsolutePath().toString(), "-ifNotExists").start();
            return new SharedDatabases(server);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot start the H2 database server on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The JDBC URL of database {@code name} (e.g. {@code orders}), written through on every commit. */
    public String url(String name) {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + name + ";WRITE_DELAY=0";
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
