package io.hookline.chaos.stack;

import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.kafka.embedded.KraftCluster;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The run's Kafka: one broker in this JVM (stopped cleanly and started again), or a {@link KraftCluster} of
 * separate JVMs whose nodes are killed with SIGKILL and restarted. Not thread-safe (the schedule's thread).
 */
final class ChaosKafka implements AutoCloseable {

    private final KraftBroker broker;
    private final KraftCluster cluster;

    private ChaosKafka(KraftBroker broker, KraftCluster cluster) {
        this.broker = broker;
        this.cluster = cluster;
    }

    static ChaosKafka create(int brokers, Ports ports, Path dir) {
        return brokers == 1 ? new ChaosKafka(KraftBroker.create(ports.kafka(), ports.kafkaController(), dir, 3), null)
                : new ChaosKafka(null, KraftCluster.create(brokers, dir));
    }

    void start(Duration timeout) throws InterruptedException {
        if (broker != null) {
            broker.start();
        } else {
            cluster.start(timeout);
        }
    }

    String bootstrapServers() {
        return broker != null ? broker.bootstrapServers() : cluster.bootstrapServers();
    }

    short replicationFactor() {
        return broker != null ? 1 : cluster.replicationFactor();
    }

    int minInsyncReplicas() {
        return broker != null ? 1 : cluster.minInsyncReplicas();
    }

    void restartBroker(Duration downtime) throws InterruptedException {
        if (broker == null) {
            throw new IllegalStateException("a cluster's nodes are killed and restarted one by one");
        }
        broker.stop();
        Thread.sleep(downtime.toMillis()); // the outage itself, not a wait for a result
        broker.start();
    }

    KraftCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the run has a single broker");
        }
        return cluster;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.stop();
        } else {
            cluster.close();
        }
    }
}
