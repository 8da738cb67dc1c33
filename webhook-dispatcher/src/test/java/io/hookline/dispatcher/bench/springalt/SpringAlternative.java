package io.hookline.dispatcher.bench.springalt;

import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The idiomatic Spring for Apache Kafka dispatcher the benchmark measures beside the engine: a plain Spring
 * context ({@link SpringAlternativeConfiguration}) with a batch fan-out listener ({@link AlternativeFanOut}) and
 * an async delivery listener ({@link AlternativeDelivery}) with retry topics. Started by the benchmark with its
 * own topics and group ids; {@link #close()} stops its listeners.
 */
public final class SpringAlternative implements AutoCloseable {

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

    public SpringAlternative(SpringAlternativeSettings settings) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("alt", Map.of(
                "alt.group-prefix", settings.groupPrefix(),
                "alt.events-topic", settings.eventsTopic(),
                "alt.deliveries-topic", settings.deliveriesTopic())));
        context.registerBean(SpringAlternativeSettings.class, () -> settings);
        context.register(SpringAlternativeConfiguration.class);
        context.refresh();
    }

    @Override
    public void close() {
        context.close();
    }
}
