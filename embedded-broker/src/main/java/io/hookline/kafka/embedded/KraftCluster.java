package io.hookline.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of N KRaft nodes on this machine, each a separate JVM ({@link KraftNode}: combined broker and
 * controller, all N voters of the quorum), so a node can be killed with SIGKILL and started again on the same
 * ports and log directory. Defaults are production's: {@code default.replication.factor} 3 (N when smaller),
 * {@code min.insync.replicas} 2 (1 for a single node), internal topics replicated the same way, and no automatic
 * topic creation.
 *
 * <p>Every node JVM this instance starts is ended by {@link #close()}, by a shutdown hook if this JVM stops
 * first, and, if this JVM was killed, by the next {@link #start()} on the same directory (a pid file).
 * Thread-safe: calls are serialised.
 */
public final class KraftCluster implements AutoCloseable {

    private final Path dataDir;
    private final List<ClusterNode> nodes;
    private final NodePidFile pidFile;
    private final Thread killOnExit = new Thread(this::killNow, "kraft-cluster-kill-nodes");
    private String clusterId;
    private boolean hookAdded;

    private KraftCluster(Path dataDir, List<ClusterNode> nodes) {
        this.dataDir = dataDir;
        this.nodes = List.copyOf(nodes);
        this.pidFile = new NodePidFile(dataDir.resolve("nodes.pid"));
    }

    /** N nodes on free ports (chosen now, kept across restarts), node {@code i}'s data under {@code dataDir/node-i}. */
    public static KraftCluster create(int nodeCount, Path dataDir) {
        return create(nodeCount, 0, dataDir);
    }

    /**
     * N nodes; with {@code firstPort} above 0, node {@code i} (from 1) listens on {@code firstPort + 2(i-1)} for
     * clients and on the port after it for its controller (9092/9093, 9094/9095, ... for 9092).
     */
    public static KraftCluster create(int nodeCount, int firstPort, Path dataDir) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, not " + nodeCount);
        }
        Path dir = dataDir.toAbsolutePath();
        List<ClusterNode> nodes = new ArrayList<>();
        for (int id = 1; id <= nodeCount; id++) {
            int port = firstPort == 0 ? KraftBroker.freePort() : firstPort + 2 * (id - 1);
            int controller = firstPort == 0 ? KraftBroker.freePort() : port + 1;
            nodes.add(new ClusterNode(id, port, controller, dir.resolve("node-" + id)));
        }
        return new KraftCluster(dir, nodes);
    }

    /** Starts every node and waits until all are registered with the quorum; fails with a node's log if one dies. */
    public synchronized KraftCluster start(Duration timeout) throws InterruptedException {
        pidFile.killLeftovers();
        clusterId = clusterId();
        if (!hookAdded) {
            Runtime.getRuntime().addShutdownHook(killOnExit);
            hookAdded = true;
        }
        nodes.forEach(node -> node.start(config(node), clusterId));
        pidFile.write(nodes);
        try {
            ClusterProbe.awaitRegistered(this, nodeIds(), timeout);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        return this;
    }

    /** {@link #start(Duration)} with two minutes for three cold JVMs on a busy machine. */
    public KraftCluster start() throws InterruptedException {
        return start(Duration.ofMinutes(2));
    }

    /** SIGKILL of node {@code id} (from 1); returns the pid it had. */
    public synchronized long kill(int id) throws InterruptedException {
        ClusterNode node = node(id);
        long pid = node.pid();
        node.kill();
        pidFile.write(nodes);
        return pid;
    }

    /** Starts node {@code id} again on its ports and log directory; returns at once (see {@link #awaitRejoined}). */
    public synchronized void restart(int id) {
        ClusterNode node = node(id);
        node.start(config(node), clusterId);
        pidFile.write(nodes);
    }

    /**
     * Waits until node {@code id} is registered again and every partition of every topic (internal ones too) has
     * its full replica set in sync, i.e. the node caught up on what it missed.
     */
    public void awaitRejoined(int id, Duration timeout) throws InterruptedException {
        ClusterProbe.awaitRegistered(this, List.of(id), timeout);
        awaitFullIsr(timeout);
    }

    /** Waits until every partition of every topic has all its replicas in sync. */
    public void awaitFullIsr(Duration timeout) throws InterruptedException {
        ClusterProbe.awaitFullIsr(this, timeout);
    }

    public synchronized boolean isRunning(int id) {
        return node(id).isAlive();
    }

    /** Every node's client listener, e.g. {@code localhost:9092,localhost:9094,localhost:9096}. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> "localhost:" + n.port()).collect(Collectors.joining(","));
    }

    public List<Integer> nodeIds() {
        return nodes.stream().map(ClusterNode::id).toList();
    }

    public int size() {
        return nodes.size();
    }

    /** The replication factor topics get by default: 3, or the node count when smaller. */
    public short replicationFactor() {
        return (short) Math.min(3, nodes.size());
    }

    /** {@code min.insync.replicas}: 2, or 1 on a single node. */
    public int minInsyncReplicas() {
        return nodes.size() >= 3 ? 2 : 1;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Node {@code id}'s directory (its {@code node.log} is the first place to look when it would not start). */
    public Path nodeDir(int id) {
        return node(id).dir();
    }

    /** Stops every node (SIGTERM to all at once, SIGKILL after 20 s); data stays on disk. Idempotent. */
    @Override
    public synchronized void close() {
        List<Thread> stopping = nodes.stream().map(n -> Thread.ofVirtual().start(n::stop)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                killNow();
                Thread.currentThread().interrupt();
                break;
            }
        }
        pidFile.clear();
        if (hookAdded) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            hookAdded = false;
        }
    }

    String nodeFailure() {
        return nodes.stream().filter(ClusterNode::died).findFirst()
                .map(n -> "Kafka node " + n.id() + " exited with status " + n.exitValue() + "; see "
                        + n.dir().resolve("node.log"))
                .orElse(null);
    }

    private void killNow() {
        nodes.forEach(ClusterNode::killNow);
    }

    private ClusterNode node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Kafka node " + id + " in " + nodeIds()));
    }

    private String clusterId() {
        Path file = dataDir.resolve("cluster.id");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                Files.writeString(file, Uuid.randomUuid().toString());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the cluster id under " + dataDir, e);
        }
    }

    private Properties config(ClusterNode node) {
        String voters = nodes.stream().map(n -> n.id() + "@localhost:" + n.controllerPort())
                .collect(Collectors.joining(","));
        String replicas = Short.toString(replicationFactor());
        String minIsr = Integer.toString(minInsyncReplicas());
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(node.id()));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://localhost:"
                + node.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + node.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", node.logDir().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", replicas);
        p.setProperty("min.insync.replicas", minIsr);
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("unclean.leader.election.enable", "false");
        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
