package io.hookline.support.topics;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service declares, collected exactly as Spring's {@link KafkaAdmin} collects the ones it would
 * create ({@link NewTopic} and {@link KafkaAdmin.NewTopics} beans): a never-started {@code KafkaAdmin} whose
 * only use is that collection.
 */
final class DeclaredTopics extends KafkaAdmin {

    DeclaredTopics(ApplicationContext context) {
        super(Map.of());
        setApplicationContext(context);
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        newTopics().forEach(topic -> names.add(topic.name()));
        return names;
    }
}
