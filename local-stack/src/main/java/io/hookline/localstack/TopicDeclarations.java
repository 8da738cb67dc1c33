package io.hookline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The platform's topics as {@code topics.conf} declares them (one line each: name, partitions, retention.ms,
 * cleanup.policy). The same file feeds compose's {@code kafka-init}, so the local stack and a deployment
 * create the same topics.
 */
public record TopicDeclarations(List<Topic> topics) {

    public record Topic(String name, int partitions, long retentionMs, String cleanupPolicy) {
    }

    public static TopicDeclarations read(Path file) {
        try {
            return new TopicDeclarations(Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(TopicDeclarations::parse)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic declarations " + file, e);
        }
    }

    /** Creates the declared topics that do not exist yet; existing ones are left as they are. */
    public void createMissing(String bootstrapServers, short replicationFactor) throws InterruptedException {
        createMissing(bootstrapServers, replicationFactor, 1);
    }

    /**
     * Creates the declared topics that do not exist yet with this replication factor and, set on each topic,
     * {@code min.insync.replicas}; existing ones are left as they are.
     */
    public void createMissing(String bootstrapServers, short replicationFactor, int minInsyncReplicas)
            throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(Map.of(
                            "retention.ms", Long.toString(topic.retentionMs()),
                            "cleanup.policy", topic.cleanupPolicy(),
                            "min.insync.replicas", Integer.toString(minInsyncReplicas))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the platform's topics: " + e.getCause().getMessage());
        }
    }

    private static Topic parse(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("a topic line needs name, partitions, retention.ms and "
                    + "cleanup.policy: '" + line + "'");
        }
        return new Topic(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]), fields[3]);
    }
}
