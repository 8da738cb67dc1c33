package io.hookline.support.topics;

import java.util.StringJoiner;

/**
 * Renders {@link TopicCatalog} as Strimzi {@code KafkaTopic} resources (one YAML document per topic): the
 * partitions, retention and cleanup policy of {@code topics.conf}, replication 3 and {@code min.insync.replicas}
 * 2. Pure; {@code docs/strimzi-topics.yaml} is its output, kept equal by {@link StrimziTopicManifestsTests}.
 */
final class StrimziTopicManifests {

    static final String CLUSTER = "hookline";

    private StrimziTopicManifests() {
    }

    static String render(TopicCatalog catalog) {
        StringJoiner out = new StringJoiner("---\n", """
                # Generated from topics.conf by StrimziTopicManifests (service-support tests); do not edit by hand.
                # Regenerate: ./mvnw -o -B -pl service-support -am test -Dtest=StrimziTopicManifestsTests \\
                #   -Dsurefire.failIfNoSpecifiedTests=false -Dstrimzi.write=true
                # Set strimzi.io/cluster to the name of your Kafka resource; see docs/production.md.
                """, "");
        catalog.topics().values().forEach(topic -> out.add("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: %s
                  labels:
                    strimzi.io/cluster: %s
                spec:
                  topicName: %s
                  partitions: %d
                  replicas: 3
                  config:
                    min.insync.replicas: "2"
                    retention.ms: "%d"
                    cleanup.policy: %s
                """.formatted(resourceName(topic.name()), CLUSTER, topic.name(), topic.partitions(),
                topic.retentionMs(), topic.cleanupPolicy())));
        return out.toString();
    }

    /** A Kubernetes name: lower case, dots allowed; the topic name itself is {@code spec.topicName}. */
    static String resourceName(String topic) {
        return topic.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
