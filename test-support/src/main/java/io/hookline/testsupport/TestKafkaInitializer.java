package io.hookline.testsupport;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared {@link TestKafka} broker by setting
 * {@code spring.kafka.bootstrap-servers} ahead of every other property source, and gives the context a
 * namespace of its own: the property {@value #NAMESPACE_PROPERTY}, new for every context this initializer
 * prepares. Test configuration names its topics and consumer groups after it
 * ({@code "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries"}), so two live contexts in one
 * JVM (Spring's context cache keeps them) never share a topic or a group, while the cache key (the text of the
 * properties) stays the same and the cache stays useful. See docs/testing.md.
 */
public final class TestKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The property holding the context's namespace: {@code t} and 12 hex digits. */
    public static final String NAMESPACE_PROPERTY = "test.namespace";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String namespace = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testKafka",
                Map.of("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                        NAMESPACE_PROPERTY, namespace)));
    }
}
