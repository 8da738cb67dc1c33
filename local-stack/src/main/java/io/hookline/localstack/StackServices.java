package io.hookline.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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

    /** The services, one instance each, the receiver sending its e-mails to the SMTP catcher on localhost:{@code smtpPort}. */
    static List<ServiceSpec> of(StackSettings settings, String bootstrapServers, int smtpPort) {
        return of(settings, StackTopology.SINGLE, bootstrapServers, smtpPort, files(settings.dataDir()));
    }

    /**
     * Every instance the topology asks for: instance {@code n} of a service is named {@code <module>-n} (the first
     * just {@code <module>}), listens on the service's port plus 10 (n - 1) and uses the database {@code database}
     * maps its name ({@code orders}, {@code dispatcher}, {@code notifications}) to. Every dispatcher delivers to
     * the first receiver (one endpoint URL, as behind a load balancer); every receiver takes part in the inbox.
     */
    static List<ServiceSpec> of(StackSettings settings, StackTopology topology, String bootstrapServers, int smtpPort,
            UnaryOperator<String> database) {
        String receiverWebhook = "http://localhost:" + settings.receiverPort() + "/webhooks/orders";
        List<ServiceSpec> specs = new ArrayList<>();
        for (int n = 1; n <= topology.ordersApis(); n++) {
            specs.add(spec(settings, ORDERS_API, n, settings.ordersApiPort(), bootstrapServers,
                    "orders and payments; outbox relay to orders.events",
                    "--spring.datasource.url=" + database.apply("orders"),
                    // the documented development client, seeded at start-up (orders-api's default profile)
                    "--hookline.orders.auth.development-keys.enabled=true",
                    "--hookline.orders.auth.development-keys.client-key=" + StackSettings.DEVELOPMENT_ORDERS_API_KEY,
                    "--hookline.orders.callbacks.secret=" + StackSettings.DEVELOPMENT_CALLBACKS_SECRET));
        }
        for (int n = 1; n <= topology.dispatchers(); n++) {
            specs.add(spec(settings, DISPATCHER, n, settings.dispatcherPort(), bootstrapServers,
                    "delivers order.created, .paid, .cancelled and .refunded to " + receiverWebhook,
                    "--hookline.dispatcher.endpoints[0].name=" + RECEIVER,
                    "--hookline.dispatcher.endpoints[0].url=" + receiverWebhook,
                    "--hookline.dispatcher.endpoints[0].secret=" + settings.webhookSecret(),
                    "--hookline.dispatcher.endpoints[0].event-types[0]=order.created",
                    "--hookline.dispatcher.endpoints[0].event-types[1]=order.paid",
                    "--hookline.dispatcher.endpoints[0].event-types[2]=order.cancelled",
                    "--hookline.dispatcher.endpoints[0].event-types[3]=order.refunded",
                    "--spring.datasource.url=" + database.apply("dispatcher"),
                    "--hookline.dispatcher.admin.token=" + LOCAL_ADMIN_TOKEN,
                    "--hookline.dispatcher.directory.allow-private-urls=true",
                    "--hookline.dispatcher.callbacks.secret=" + StackSettings.DEVELOPMENT_CALLBACKS_SECRET,
                    FAST_CRASH_RECOVERY));
        }
        for (int n = 1; n <= topology.receivers(); n++) {
            specs.add(spec(settings, RECEIVER, n, settings.receiverPort(), bootstrapServers,
                    "POST /webhooks/orders; GET /notifications?order_id= (Bearer " + LOCAL_RECEIVER_ADMIN_TOKEN
                            + "); e-mails via SMTP",
                    "--spring.datasource.url=" + database.apply("notifications"),
                    "--hookline.receiver.secrets[0]=" + settings.webhookSecret(),
                    "--hookline.receiver.admin.token=" + LOCAL_RECEIVER_ADMIN_TOKEN,
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort,
                    FAST_CRASH_RECOVERY));
        }
        return List.copyOf(specs);
    }

    /** Each database a file of its own under {@code <data>/db}, written through on every commit (one process each). */
    static UnaryOperator<String> files(Path dataDir) {
        return name -> "jdbc:h2:file:" + dataDir.resolve("db").resolve(name) + ";WRITE_DELAY=0";
    }

    private static ServiceSpec spec(StackSettings settings, String module, int instance, int firstPort,
            String bootstrapServers, String role, String... extra) {
        int port = firstPort == 0 ? 0 : firstPort + StackTopology.INSTANCE_PORT_STEP * (instance - 1);
        String name = instance == 1 ? module : module + "-" + instance;
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        arguments.addAll(List.of(extra));
        Path jar = settings.home().resolve(module).resolve("target").resolve(module + "-exec.jar");
        return new ServiceSpec(name, jar, port, List.copyOf(arguments), role);
    }
}
