package io.hookline.dispatcher.bench;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real dispatcher application in this JVM with production defaults apart from what a run must
 * own: topic names under the run's prefix, its consumer group ids ({@code <prefix>} for the fan-out,
 * {@code <prefix>.deliveries} for the delivery consumer), its H2 file, the configured endpoints, a short
 * shutdown timeout, and whatever {@code extraArguments} a scenario adds. Only public configuration keys are
 * used, so it works with any engine on the classpath.
 */
final class DispatcherLauncher {

    static final String SECRET = "whsec_YmVuY2htYXJrLXNlY3JldC1rZXktZm9yLWRpc3BhdGNoZXI=";

    /** A configured endpoint: {@code hookline.dispatcher.endpoints[n].name} and {@code .url}. */
    record BenchEndpoint(String name, String url) {
    }

    private final String bootstrapServers;
    private final Path data;

    DispatcherLauncher(String bootstrapServers, Path data) {
        this.bootstrapServers = bootstrapServers;
        this.data = data;
    }

    static String fanOutGroup(String prefix) {
        return prefix;
    }

    static String deliveryGroup(String prefix) {
        return prefix + ".deliveries";
    }

    ConfigurableApplicationContext start(String prefix, List<BenchEndpoint> endpoints, List<String> extraArguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.reactor.netty=ERROR",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve(prefix) + ";WRITE_DELAY=0",
                "--hookline.dispatcher.topics.events=" + prefix + ".orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=" + prefix + ".orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=" + prefix + ".webhooks.deliveries",
                "--spring.kafka.consumer.group-id=" + fanOutGroup(prefix),
                "--hookline.dispatcher.delivery.group-id=" + deliveryGroup(prefix),
                "--hookline.dispatcher.delivery.shutdown-timeout=1s"));
        for (int n = 0; n < endpoints.size(); n++) {
            args.add("--hookline.dispatcher.endpoints[" + n + "].name=" + endpoints.get(n).name());
            args.add("--hookline.dispatcher.endpoints[" + n + "].url=" + endpoints.get(n).url());
            args.add("--hookline.dispatcher.endpoints[" + n + "].secret=" + SECRET);
        }
        args.addAll(extraArguments);
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(args.toArray(String[]::new));
    }
}
