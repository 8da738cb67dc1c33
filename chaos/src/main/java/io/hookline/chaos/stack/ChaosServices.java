package io.hookline.chaos.stack;

import io.hookline.chaos.ChaosSettings;
import io.hookline.localstack.ServiceSpec;
import io.hookline.localstack.StackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The three services as the local stack wires them (H2 databases written through on every commit, the
 * development secret and orders-api's development client key, a 10 s consumer session timeout), except that the dispatcher's endpoint for the receiver
 * is the fault proxy and the receiver mails to the suite's SMTP server. Every other setting is the services'
 * own default, i.e. production's schedules and timeouts, unless {@link ChaosSettings#dispatcherRetryDelays()}
 * shortens the dispatcher's retry delays. An instance after the first of a service is named
 * {@code <module>-<n>} and shares the first one's database ({@code database} maps a database name to its URL).
 */
final class ChaosServices {

    static final String ADMIN_TOKEN = "hookline-chaos-admin-token";

    private ChaosServices() {
    }

    /** The name of instance {@code n} (from 1) of {@code module}: the module name itself for the first. */
    static String instance(String module, int n) {
        return n == 1 ? module : module + "-" + n;
    }

    static ServiceSpec spec(ChaosSettings settings, String module, String instance, int port, String bootstrap,
            Wiring wiring) {
        String secret = StackSettings.DEVELOPMENT_WEBHOOK_SECRET;
        List<String> extra = new ArrayList<>();
        switch (module) {
            case ChaosSettings.ORDERS_API -> extra.addAll(List.of(
                    "--spring.datasource.url=" + wiring.database().apply("orders"),
                    "--hookline.orders.auth.development-keys.enabled=true",
                    "--hookline.orders.auth.development-keys.client-key=" + StackSettings.DEVELOPMENT_ORDERS_API_KEY));
            case ChaosSettings.DISPATCHER -> {
                extra.addAll(List.of(
                        "--hookline.dispatcher.endpoints[0].name=" + ChaosSettings.RECEIVER,
                        "--hookline.dispatcher.endpoints[0].url=" + wiring.proxiedWebhook(),
                        "--hookline.dispatcher.endpoints[0].secret=" + secret,
                        "--hookline.dispatcher.endpoints[0].event-types[0]=order.paid",
                        "--spring.datasource.url=" + wiring.database().apply("dispatcher"),
                        "--hookline.dispatcher.admin.token=" + ADMIN_TOKEN,
                        "--hookline.dispatcher.directory.allow-private-urls=true"));
                if (settings.dispatcherRetryDelays() != null) {
                    extra.add("--hookline.dispatcher.retry.delays=" + settings.dispatcherRetryDelays());
                }
            }
            case ChaosSettings.RECEIVER -> extra.addAll(List.of(
                    "--spring.datasource.url=" + wiring.database().apply("notifications"),
                    "--hookline.receiver.secrets[0]=" + secret,
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + wiring.smtpPort()));
            default -> throw new IllegalArgumentException("no service " + module);
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                // as in the local stack: a killed consumer's partitions move after 10 s, not 45 s
                "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
        arguments.addAll(extra);
        Path jar = settings.home().resolve(module).resolve("target").resolve(module + "-exec.jar");
        return new ServiceSpec(instance, jar, port, List.copyOf(arguments), module);
    }

    /**
     * What every instance is wired to besides Kafka.
     *
     * @param proxiedWebhook the fault proxy's URL for the receiver's webhook endpoint
     * @param smtpPort the suite's SMTP server
     * @param database a database name ({@code orders}, {@code dispatcher}, {@code notifications}) to its JDBC URL
     */
    record Wiring(URI proxiedWebhook, int smtpPort, UnaryOperator<String> database) {

        /** Each database an H2 file of its own under {@code dir}, opened by one process. */
        static UnaryOperator<String> files(Path dir) {
            return name -> "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0";
        }
    }

    /** The receiver's webhook endpoint, which the proxy forwards to. */
    static URI receiverWebhook(Ports ports) {
        return URI.create("http://127.0.0.1:" + ports.receiver() + "/webhooks/order-paid");
    }
}
