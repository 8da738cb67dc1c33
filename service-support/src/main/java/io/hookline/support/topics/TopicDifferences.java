package io.hookline.support.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The pure comparison behind the start-up check: what each used topic should be ({@link TopicCatalog} for the
 * partitions, {@link TopicVerificationProperties} for replication and {@code min.insync.replicas}) against what
 * the cluster has. One line per difference, naming the topic.
 */
final class TopicDifferences {

    private TopicDifferences() {
    }

    static List<String> of(Collection<String> used, TopicCatalog catalog, Map<String, ObservedTopic> observed,
            TopicVerificationProperties expected) {
        List<String> differences = new ArrayList<>();
        for (String name : used) {
            var declaration = catalog.find(name);
            if (declaration.isEmpty()) {
                differences.add(name + ": not declared in topics.conf");
                continue;
            }
            ObservedTopic topic = observed.get(name);
            if (topic == null) {
                differences.add(name + ": missing from the cluster (create it from topics.conf: "
                        + declaration.get().partitions() + " partitions, replication factor "
                        + expected.replicationFactor() + ", min.insync.replicas " + expected.minInsyncReplicas() + ")");
                continue;
            }
            compare(differences, name, "partitions", topic.partitions(), declaration.get().partitions());
            compare(differences, name, "replication factor", topic.replicationFactor(), expected.replicationFactor());
            compare(differences, name, "min.insync.replicas", topic.minInsyncReplicas(),
                    expected.minInsyncReplicas());
        }
        return differences;
    }

    private static void compare(List<String> differences, String topic, String what, int actual, int wanted) {
        if (actual != wanted) {
            differences.add(topic + ": " + what + " " + actual + ", expected " + wanted);
        }
    }
}
