package io.hookline.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared {@link TestKafka} broker by setting
 * {@code spring.kafka.bootstrap-servers} ahead of every other property source.
 */
public final class TestKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testKafka",
                Map.of("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers())));
    }
}
