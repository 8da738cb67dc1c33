package io.hookline.localstack;

import java.nio.file.Path;
import java.util.List;

/** The three services of the platform, wired to one Kafka cluster and to each other. */
final class StackServices {

    static final String ORDERS_API = "orders-api";
    static final String DISPATCHER = "webhook-dispatcher";
    static final String RECEIVER = "notification-receiver";

    private StackServices() {
    }

    static List<ServiceSpec> of(StackSettings settings, String bootstrapServers) {
        Path data = settings.dataDir();
        String receiverWebhook = "http://localhost:" + settings.receiverPort() + "/webhooks/order-paid";
        ServiceSpec orders = spec(settings, ORDERS_API, settings.ordersApiPort(), bootstrapServers,
                "orders and payments; outbox relay to orders.events",
                "--spring.datasource.url=" + h2(data.resolve("db/orders")));
        ServiceSpec dispatcher = spec(settings, DISPATCHER, settings.dispatcherPort(), bootstrapServers,
                "delivers order.paid to " + receiverWebhook,
                "--dispatcher.endpoints[0].name=" + RECEIVER,
                "--dispatcher.endpoints[0].url=" + receiverWebhook,
                "--dispatcher.endpoints[0].secret=" + settings.webhookSecret(),
                "--dispatcher.endpoints[0].event-types[0]=order.paid");
        ServiceSpec receiver = spec(settings, RECEIVER, settings.receiverPort(), bootstrapServers,
                "POST /webhooks/order-paid; GET /notifications?order_id=",
                "--spring.datasource.url=" + h2(data.resolve("db/notifications")),
                "--receiver.secrets[0]=" + settings.webhookSecret());
        return List.of(orders, dispatcher, receiver);
    }

    private static ServiceSpec spec(StackSettings settings, String name, int port, String bootstrapServers,
            String role, String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        arguments.addAll(List.of(extra));
        Path jar = settings.home().resolve(name).resolve("target").resolve(name + "-exec.jar");
        return new ServiceSpec(name, jar, port, List.copyOf(arguments), role);
    }

    /** A file database written through on every commit, so killing the process loses nothing committed. */
    private static String h2(Path file) {
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0";
    }
}
