package io.hookline.localstack;

import java.nio.file.Path;
import java.util.List;

/** The three services of the platform, wired to one Kafka cluster and to each other. */
final class StackServices {

    static final String ORDERS_API = "orders-api";
    static final String DISPATCHER = "webhook-dispatcher";
    static final String RECEIVER = "notification-receiver";

    /**
     * After a crash, Kafka hands a dead consumer's partitions to its successor only once the dead one's
     * session expires (45 s by default); 10 s lets a restarted local stack resume within seconds.
     */
    static final String FAST_CRASH_RECOVERY = "--spring.kafka.consumer.properties.session.timeout.ms=10000";

    /**
     * The dispatcher's admin token in the local stack: a public development value (like the development
     * webhook secret), so the endpoints API works out of the box; never use it anywhere else.
     */
    static final String LOCAL_ADMIN_TOKEN = "hookline-local-admin-token";
    /** The receiver's documented development admin token (its default), for GET /notifications. */
    static final String LOCAL_RECEIVER_ADMIN_TOKEN = "hookline-local-receiver-admin-token";

    private StackServices() {
    }

    /** The services, the receiver sending its e-mails to {@code settings.smtpPort()}. */
    static List<ServiceSpec> of(StackSettings settings, String bootstrapServers) {
        return of(settings, bootstrapServers, settings.smtpPort());
    }

    /** The services, the receiver sending its e-mails to the SMTP catcher on localhost:{@code smtpPort}. */
    static List<ServiceSpec> of(StackSettings settings, String bootstrapServers, int smtpPort) {
        Path data = settings.dataDir();
        String receiverWebhook = "http://localhost:" + settings.receiverPort() + "/webhooks/order-paid";
        ServiceSpec orders = spec(settings, ORDERS_API, settings.ordersApiPort(), bootstrapServers,
                "orders and payments; outbox relay to orders.events",
                "--spring.datasource.url=" + h2(data.resolve("db/orders")),
                // the documented development client, seeded at start-up (orders-api's default profile)
                "--orders.auth.development-keys.enabled=true",
                "--orders.auth.development-keys.client-key=" + StackSettings.DEVELOPMENT_ORDERS_API_KEY,
                "--orders.callbacks.secret=" + StackSettings.DEVELOPMENT_CALLBACKS_SECRET);
        ServiceSpec dispatcher = spec(settings, DISPATCHER, settings.dispatcherPort(), bootstrapServers,
                "delivers order.paid to " + receiverWebhook,
                "--dispatcher.endpoints[0].name=" + RECEIVER,
                "--dispatcher.endpoints[0].url=" + receiverWebhook,
                "--dispatcher.endpoints[0].secret=" + settings.webhookSecret(),
                "--dispatcher.endpoints[0].event-types[0]=order.paid",
                "--spring.datasource.url=" + h2(data.resolve("db/dispatcher")),
                "--dispatcher.admin.token=" + LOCAL_ADMIN_TOKEN,
                "--dispatcher.directory.allow-private-urls=true",
                "--dispatcher.callbacks.secret=" + StackSettings.DEVELOPMENT_CALLBACKS_SECRET,
                FAST_CRASH_RECOVERY);
        ServiceSpec receiver = spec(settings, RECEIVER, settings.receiverPort(), bootstrapServers,
                "POST /webhooks/order-paid; GET /notifications?order_id= (Bearer " + LOCAL_RECEIVER_ADMIN_TOKEN
                        + "); e-mails via SMTP",
                "--spring.datasource.url=" + h2(data.resolve("db/notifications")),
                "--receiver.secrets[0]=" + settings.webhookSecret(),
                "--receiver.admin.token=" + LOCAL_RECEIVER_ADMIN_TOKEN,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                FAST_CRASH_RECOVERY);
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
