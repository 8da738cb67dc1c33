package io.hookline.e2e.compose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.docker.KafkaDockerWrapper$;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One Kafka node configured as compose configures {@code kafka-1}: its environment turned into server properties
 * by the image's own code ({@code KafkaDockerWrapper}, from the same Kafka version as the image), so every
 * security setting (listeners' protocols and SASL mechanisms, JAAS, authorizer, super users) is compose's. Only
 * what makes it one node on this machine is replaced: node id and quorum, host and ports of the listeners, the
 * log directory, and replication factors of 1.
 *
 * <p>Not thread-safe: start and stop it from one thread.
 */
final class ComposeBroker implements AutoCloseable {

    /** Properties replaced to run the node alone on localhost; everything else is compose's. */
    static final List<String> REPLACED = List.of("node.id", "controller.quorum.voters", "listeners",
            "advertised.listeners", "log.dirs", "default.replication.factor", "min.insync.replicas",
            "offsets.topic.replication.factor", "transaction.state.log.replication.factor",
            "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
            "share.coordinator.state.topic.min.isr");

    private final Properties config;
    private final int clientPort;
    private final int internalPort;
    private KafkaRaftServer server;

    private ComposeBroker(Properties config, int clientPort, int internalPort) {
        this.config = config;
        this.clientPort = clientPort;
        this.internalPort = internalPort;
    }

    /** The node for compose's environment of a Kafka service, with its data under {@code dataDir}. */
    static ComposeBroker of(Map<String, String> environment, Path dataDir) throws IOException {
        Properties config = imageProperties(environment);
        int client = freePort();
        int controller = freePort();
        int internal = freePort();
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@localhost:" + controller);
        config.setProperty("listeners", "CLIENT://localhost:" + client + ",CONTROLLER://localhost:" + controller
                + ",INTERNAL://localhost:" + internal);
        config.setProperty("advertised.listeners", "CLIENT://localhost:" + client + ",INTERNAL://localhost:"
                + internal);
        config.setProperty("log.dirs", dataDir.resolve("logs").toString());
        for (String one : REPLACED.subList(5, REPLACED.size())) {
            config.setProperty(one, "1");
        }
        config.setProperty("offsets.topic.num.partitions", "5");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(file)) {
            config.store(out, "compose's kafka-1, as one node on localhost");
        }
        format(environment.get("CLUSTER_ID"), file);
        return new ComposeBroker(config, client, internal);
    }

    /** What the apache/kafka image writes to server.properties for this environment. */
    static Properties imageProperties(Map<String, String> environment) throws IOException {
        scala.collection.immutable.Map<String, String> env =
                scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(environment));
        List<String> lines = CollectionConverters.asJava(KafkaDockerWrapper$.MODULE$.getServerConfigsFromEnv(env));
        Properties properties = new Properties();
        try (Reader reader = new StringReader(String.join("\n", lines))) {
            properties.load(reader);
        }
        return properties;
    }

    ComposeBroker start() {
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        return this;
    }

    /** The CLIENT listener (SASL/SCRAM), where the services and Kafka UI connect. */
    String clientBootstrap() {
        return "localhost:" + clientPort;
    }

    /** The INTERNAL listener (SASL/PLAIN), where the brokers and kafka-init connect. */
    String internalBootstrap() {
        return "localhost:" + internalPort;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private static void format(String clusterId, Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", clusterId, "--config", configFile.toString()};
        int status = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting the log directory failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
