package io.hookline.support.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/strimzi-topics.yaml} is exactly what {@link StrimziTopicManifests} renders from the packaged
 * {@code topics.conf}: a topic added, removed or changed there without regenerating fails here.
 * {@code -Dstrimzi.write=true} regenerates the file.
 */
class StrimziTopicManifestsTests {

    private static final Path FILE = Path.of("..", "docs", "strimzi-topics.yaml");

    @Test
    void theCommittedManifestsMatchTopicsConf() throws Exception {
        String rendered = StrimziTopicManifests.render(TopicCatalog.packaged());
        if (Boolean.getBoolean("strimzi.write")) {
            Files.writeString(FILE, rendered);
        }

        assertThat(FILE).as("regenerate with -Dstrimzi.write=true").hasContent(rendered);
    }

    @Test
    void oneKafkaTopicPerDeclaredTopicWithThreeReplicasAndMinIsrTwo() {
        String rendered = StrimziTopicManifests.render(TopicCatalog.parse("a.topic 6 1000 compact\nb 3 -1 delete\n"));

        assertThat(rendered.split("(?m)^kind: KafkaTopic$")).hasSize(3);
        assertThat(rendered).contains("  topicName: a.topic\n  partitions: 6\n  replicas: 3\n",
                "    min.insync.replicas: \"2\"\n    retention.ms: \"1000\"\n    cleanup.policy: compact\n",
                "    retention.ms: \"-1\"");
    }
}
