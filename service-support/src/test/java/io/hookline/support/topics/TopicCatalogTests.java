package io.hookline.support.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hookline.schemas.events.Topics;
import org.junit.jupiter.api.Test;

class TopicCatalogTests {

    @Test
    void thePackagedCatalogIsTheRepositorysTopicsConf() {
        TopicCatalog catalog = TopicCatalog.packaged();

        assertThat(catalog.find(Topics.ORDERS_EVENTS)).hasValueSatisfying(topic -> {
            assertThat(topic.partitions()).isEqualTo(3);
            assertThat(topic.cleanupPolicy()).isEqualTo("delete");
        });
        assertThat(catalog.find("webhooks.deliveries.dlt")).hasValueSatisfying(topic ->
                assertThat(topic.retentionMs()).isEqualTo(-1));
        assertThat(catalog.topics()).containsKeys("webhooks.deliveries.retry.7", "notifications.inbox.dlt");
    }

    @Test
    void skipsCommentsAndBlankLinesAndRefusesALineWithoutItsFourFields() {
        TopicCatalog catalog = TopicCatalog.parse("# comment\n\n  a.topic 6 1000 compact\n");

        assertThat(catalog.topics()).containsOnlyKeys("a.topic");
        assertThat(catalog.find("a.topic").orElseThrow().partitions()).isEqualTo(6);
        assertThatIllegalArgumentException().isThrownBy(() -> TopicCatalog.parse("a.topic 6 1000"))
                .withMessageContaining("a.topic 6 1000");
    }
}
