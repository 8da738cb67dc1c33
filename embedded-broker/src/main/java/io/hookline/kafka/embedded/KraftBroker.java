package io.hookline.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One Apache Kafka node in KRaft mode (combined broker and controller), run inside this JVM: the real
 * broker code, not a fake. Its log directory is formatted on first start and reused afterwards, so a
 * restart on the same directory keeps every topic, record and committed offset.
 *
 * <p>Not thread-safe: start and stop it from one thread. {@link #stop()} is idempotent.
 */
public final class KraftBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final int defaultPartitions;
    private KafkaRaftServer server;

    private KraftBroker(int port, int controllerPort, Path dataDir, int defaultPartitions) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.defaultPartitions = defaultPartitions;
    }

    /**
     * A broker listening on {@code port} (0 = a free port, chosen now and kept across restarts), keeping
     * its data under {@code dataDir}.
     */
    public static KraftBroker create(int port, Path dataDir) {
        return create(port, 0, dataDir, 3);
    }

    /**
     * A broker on {@code port} whose controller listens on {@code controllerPort} (either 0 = a free port,
     * chosen now and kept across restarts of this instance).
     */
    public static KraftBroker create(int port, int controllerPort, Path dataDir, int defaultPartitions) {
        int brokerPort = port == 0 ? freePort() : port;
        int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
        return new KraftBroker(brokerPort, quorumPort, dataDir.toAbsolutePath(), defaultPartitions);
    }

    /** Formats the log directory if it is new, then starts the node and waits until it serves. */
    public synchronized KraftBroker start() {
        if (server != null) {
            return this;
        }
        Properties config = config();
        Path configFile = writeConfig(config);
        format(configFile);
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        return this;
    }

    /** Stops the node and waits for it to finish; its data stays on disk for the next start. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code localhost:<port>}, stable across restarts of this broker. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    private Properties config() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", Integer.toString(defaultPartitions));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private Path writeConfig(Properties config) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "generated by KraftBroker; rewritten at every start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration under " + dataDir, e);
        }
    }

    private void format(Path configFile) {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return; // formatted by an earlier start: keep its cluster id and data
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()};
        int status = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
