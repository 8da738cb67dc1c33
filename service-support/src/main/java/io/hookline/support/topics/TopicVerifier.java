package io.hookline.support.topics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Describes the topics a service uses through the Admin API (partitions, replicas, effective
 * {@code min.insync.replicas}) and throws {@link TopicSettingsException} naming every topic that is missing or
 * differs from what {@link TopicDifferences} expects. A cluster that does not answer within the timeout is a
 * failure too: a service that cannot check does not start. Thread-safe; each call uses its own admin client.
 */
public final class TopicVerifier {

    private final Supplier<Admin> admins;
    private final TopicCatalog catalog;
    private final TopicVerificationProperties expected;

    public TopicVerifier(Supplier<Admin> admins, TopicCatalog catalog, TopicVerificationProperties expected) {
        this.admins = admins;
        this.catalog = catalog;
        this.expected = expected;
    }

    public void verify(Collection<String> used) {
        Map<String, ObservedTopic> observed;
        try (Admin admin = admins.get()) {
            observed = describe(admin, used);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSettingsException("Refusing to start: interrupted while checking the Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicSettingsException("Refusing to start: could not check the Kafka topics " + used
                    + " within " + expected.timeout().toSeconds() + " s: " + e, e);
        }
        List<String> differences = TopicDifferences.of(used, catalog, observed, expected);
        if (!differences.isEmpty()) {
            throw new TopicSettingsException(differences);
        }
    }

    private Map<String, ObservedTopic> describe(Admin admin, Collection<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names).topicNameValues();
        Map<String, TopicDescription> found = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : futures.entrySet()) {
            try {
                found.put(entry.getKey(), get(entry.getValue()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        List<ConfigResource> resources = found.keySet().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = resources.isEmpty() ? Map.of()
                : get(admin.describeConfigs(resources).all());
        Map<String, ObservedTopic> observed = new HashMap<>();
        found.forEach((name, description) -> {
            ConfigEntry minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            observed.put(name, new ObservedTopic(name, description.partitions().size(), replicas,
                    minIsr == null ? 1 : Integer.parseInt(minIsr.value())));
        });
        return observed;
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(expected.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
