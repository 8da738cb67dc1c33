package io.hookline.support.topics;

/**
 * A topic as the cluster describes it.
 *
 * @param replicationFactor the smallest replica count of its partitions
 * @param minInsyncReplicas its effective {@code min.insync.replicas} (its own or the broker's default)
 */
record ObservedTopic(String name, int partitions, int replicationFactor, int minInsyncReplicas) {
}
