package io.hookline.chaos.stack;

import io.hookline.chaos.ChaosSettings;
import io.hookline.localstack.ServiceSpec;
import io.hookline.localstack.StackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three services as the local stack wires them (H2 file databases written through on every commit, the
 * development secret and orders-api's development client key, a 10 s consumer session timeout), except that the dispatcher's endpoint for the receiver
 * is the fault proxy and the receiver mails to the suite's SMTP server. Every other setting is the services'
 * own default, i.e. production's schedules and timeouts, unless {@link ChaosSettings#dispatcherRetryDelays()}
 * shortens the dispatcher's retry delays.
 */
final class ChaosServices {

    static final String ADMIN_TOKEN = "hookline-chaos-admin-token";

    private ChaosServices() {
    }

    static List<ServiceSpec> of(ChaosSettings settings, Ports ports, String bootstrap, URI proxiedWebhook) {
        Path db = settings.dataDir().resolve("db");
        String secret = StackSettings.DEVELOPMENT_WEBHOOK_SECRET;
        ServiceSpec orders = spec(settings, ChaosSettings.ORDERS_API, ports.ordersApi(), bootstrap,
                "--spring.datasource.url=" + h2(db.resolve("orders")),
                "--orders.auth.development-keys.enabled=true",
                "--orders.auth.development-keys.client-key=" + StackSettings.DEVELOPMENT_ORDERS_API_KEY);
        List<String> dispatcher = new ArrayList<>(List.of(
                "--dispatcher.endpoints[0].name=" + ChaosSettings.RECEIVER,
                "--dispatcher.endpoints[0].url=" + proxiedWebhook,
                "--dispatcher.endpoints[0].secret=" + secret,
                "--dispatcher.endpoints[0].event-types[0]=order.paid",
                "--spring.datasource.url=" + h2(db.resolve("dispatcher")),
                "--dispatcher.admin.token=" + ADMIN_TOKEN,
                "--dispatcher.directory.allow-private-urls=true"));
        if (settings.dispatcherRetryDelays() != null) {
            dispatcher.add("--dispatcher.retry.delays=" + settings.dispatcherRetryDelays());
        }
        ServiceSpec dispatcherSpec = spec(settings, ChaosSettings.DISPATCHER, ports.dispatcher(), bootstrap,
                dispatcher.toArray(String[]::new));
        ServiceSpec receiver = spec(settings, ChaosSettings.RECEIVER, ports.receiver(), bootstrap,
                "--spring.datasource.url=" + h2(db.resolve("notifications")),
                "--receiver.secrets[0]=" + secret,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + ports.smtp());
        return List.of(orders, dispatcherSpec, receiver);
    }

    /** The receiver's webhook endpoint, which the proxy forwards to. */
    static URI receiverWebhook(Ports ports) {
        return URI.create("http://127.0.0.1:" + ports.receiver() + "/webhooks/order-paid");
    }

    private static ServiceSpec spec(ChaosSettings settings, String name, int port, String bootstrap,
            String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                // as in the local stack: a killed consumer's partitions move after 10 s, not 45 s
                "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
        arguments.addAll(List.of(extra));
        Path jar = settings.home().resolve(name).resolve("target").resolve(name + "-exec.jar");
        return new ServiceSpec(name, jar, port, List.copyOf(arguments), name);
    }

    private static String h2(Path file) {
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0";
    }
}
