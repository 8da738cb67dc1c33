package io.hookline.kafka.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The positive signals a {@link KraftCluster} waits for, read through the Admin API: nodes registered with the
 * quorum, and every partition's in-sync replica set full. Polls every 250 ms until the deadline; a node JVM
 * that died meanwhile ends the wait at once with where its log is.
 */
final class ClusterProbe {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final long CALL_TIMEOUT_MS = 5_000;

    private ClusterProbe() {
    }

    static void awaitRegistered(KraftCluster cluster, Collection<Integer> ids, Duration timeout)
            throws InterruptedException {
        await(cluster, timeout, "Kafka nodes " + ids + " registered", admin -> {
            Set<Integer> registered = get(admin.describeCluster().nodes()).stream().map(Node::id)
                    .collect(Collectors.toSet());
            return registered.containsAll(ids) ? null : "registered: " + registered;
        });
    }

    static void awaitFullIsr(KraftCluster cluster, Duration timeout) throws InterruptedException {
        await(cluster, timeout, "every partition fully in sync", admin -> {
            Set<String> names = get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
            Map<String, TopicDescription> topics = get(admin.describeTopics(names).allTopicNames());
            List<String> behind = topics.values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .filter(ClusterProbe::notFullyInSync)
                            .map(p -> topic.name() + "-" + p.partition() + " isr " + ids(p.isr())))
                    .limit(5)
                    .toList();
            return behind.isEmpty() ? null : "not in sync: " + behind;
        });
    }

    private static boolean notFullyInSync(TopicPartitionInfo partition) {
        return partition.leader() == null || partition.isr().size() < partition.replicas().size();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    @FunctionalInterface
    private interface Check {
        /** null when the condition holds, else what was seen. */
        String check(Admin admin) throws Exception;
    }

    private static void await(KraftCluster cluster, Duration timeout, String what, Check check)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastSeen = "no answer yet";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS))) {
            while (System.nanoTime() < deadline) {
                String failure = cluster.nodeFailure();
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                try {
                    lastSeen = check.check(admin);
                    if (lastSeen == null) {
                        return;
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception notYet) {
                    lastSeen = notYet.toString();
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        throw new IllegalStateException("not " + what + " within " + timeout.toSeconds() + " s (" + lastSeen + ")");
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws Exception {
        try {
            return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw e;
        }
    }
}
