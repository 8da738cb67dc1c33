package io.hookline.support.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDifferencesTests {

    private static final TopicCatalog CATALOG = TopicCatalog.parse("""
            a 3 1000 delete
            b 6 1000 delete
            """);
    private static final TopicVerificationProperties PROD = new TopicVerificationProperties(true, 3, 2,
            Duration.ofSeconds(5));

    @Test
    void aTopicAsDeclaredAndExpectedHasNoDifference() {
        assertThat(TopicDifferences.of(List.of("a"), CATALOG, Map.of("a", new ObservedTopic("a", 3, 3, 2)), PROD))
                .isEmpty();
    }

    @Test
    void namesEachTopicAndEachDifference() {
        List<String> differences = TopicDifferences.of(List.of("a", "b", "c"), CATALOG,
                Map.of("a", new ObservedTopic("a", 1, 1, 1)), PROD);

        assertThat(differences).containsExactly(
                "a: partitions 1, expected 3",
                "a: replication factor 1, expected 3",
                "a: min.insync.replicas 1, expected 2",
                "b: missing from the cluster (create it from topics.conf: 6 partitions, replication factor 3, "
                        + "min.insync.replicas 2)",
                "c: not declared in topics.conf");
    }
}
