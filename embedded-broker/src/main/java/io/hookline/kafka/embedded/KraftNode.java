package io.hookline.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * The main of one node of a {@link KraftCluster}, run as its own JVM:
 * {@code KraftNode <server.properties> <cluster id>}. Formats the node's log directory on its first start, starts
 * the real Kafka server (combined broker and controller) and runs until it is stopped: SIGTERM shuts it down
 * cleanly (a shutdown hook), SIGKILL is the crash the cluster tests want.
 */
public final class KraftNode {

    private KraftNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KraftNode <server.properties> <cluster id>");
        }
        Path configFile = Path.of(args[0]);
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(configFile)) {
            config.load(in);
        }
        StorageFormat.formatIfNew(configFile, Path.of(config.getProperty("log.dirs")), args[1]);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kraft-node-shutdown"));
        server.startup();
        server.awaitShutdown();
    }
}
