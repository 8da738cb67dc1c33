package io.hookline.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local stack finds its parts and where it puts them. Read from environment variables, each with a
 * default, so the one-command start needs none of them.
 *
 * @param home the repository root holding {@code <module>/target/<module>-exec.jar} ({@code HOOKLINE_HOME}, default: the working directory)
 * @param dataDir broker data, databases and logs ({@code LOCAL_STACK_DIR}, default {@code .local-stack})
 * @param externalBootstrapServers an existing Kafka cluster to use instead of the embedded broker ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param kafkaPort the embedded broker's client port ({@code KAFKA_PORT}, 9092)
 * @param kafkaControllerPort the embedded broker's KRaft controller port ({@code KAFKA_CONTROLLER_PORT}, 9093)
 * @param ordersApiPort {@code ORDERS_API_PORT}, 8080
 * @param dispatcherPort {@code DISPATCHER_PORT}, 8081
 * @param receiverPort {@code RECEIVER_PORT}, 8082
 * @param webhookSecret the secret the dispatcher signs with and the receiver verifies with ({@code LOCAL_WEBHOOK_SECRET}, a documented development value)
 * @param startTimeout how long each service may take to become healthy ({@code LOCAL_STACK_START_TIMEOUT} seconds, 180)
 * @param smtpPort the embedded SMTP catcher the receiver sends its e-mails to ({@code LOCAL_SMTP_PORT}, 3025; 0 = any free port)
 * @param mailUiPort the page listing the caught e-mails ({@code LOCAL_MAIL_UI_PORT}, 8025; 0 = any free port)
 */
public record StackSettings(
        Path home,
        Path dataDir,
        String externalBootstrapServers,
        int kafkaPort,
        int kafkaControllerPort,
        int ordersApiPort,
        int dispatcherPort,
        int receiverPort,
        String webhookSecret,
        Duration startTimeout,
        int smtpPort,
        int mailUiPort) {

    /** Settings with the SMTP catcher and its page on any free ports (for tests that start several stacks). */
    public StackSettings(Path home, Path dataDir, String externalBootstrapServers, int kafkaPort,
            int kafkaControllerPort, int ordersApiPort, int dispatcherPort, int receiverPort, String webhookSecret,
            Duration startTimeout) {
        this(home, dataDir, externalBootstrapServers, kafkaPort, kafkaControllerPort, ordersApiPort, dispatcherPort,
                receiverPort, webhookSecret, startTimeout, 0, 0);
    }

    /** Development only: the secret the local stack subscribes the receiver with. Never use it elsewhere. */
    public static final String DEVELOPMENT_WEBHOOK_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtZGV2ZWxvcG1lbnQta2V5ISE=";

    /**
     * Development only: the API key of orders-api's documented development client (read and write; the value of
     * {@code hookline.orders.auth.development-keys.client-key} in its {@code application.yml}), which the local stack seeds
     * and prints. Never use it elsewhere; the prod profile refuses it.
     */
    public static final String DEVELOPMENT_ORDERS_API_KEY = "sk_test_hookline_dev_client_0a1b2c3d4e5f6a7b8c9d";

    /**
     * Development only: the admin key of orders-api's default profile ({@code hookline.orders.auth.development-keys.admin-key}),
     * for {@code POST /clients} in the local stack. Never use it elsewhere; the prod profile refuses it.
     */
    public static final String DEVELOPMENT_ORDERS_ADMIN_KEY = "sk_test_hookline_dev_admin_9f8e7d6c5b4a3f2e1d0c";

    /**
     * Development only: the platform's callback master secret, given to orders-api ({@code hookline.orders.callbacks.secret})
     * and the dispatcher ({@code hookline.dispatcher.callbacks.secret}) so that per-order callbacks work in the local stack,
     * each client's signed with its own derived secret. Never use it elsewhere; the prod profile refuses it.
     */
    public static final String DEVELOPMENT_CALLBACKS_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtY2FsbGJhY2stbWFzdGVyISE=";

    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOOKLINE_HOME", ".")).toAbsolutePath().normalize();
        return new StackSettings(
                home,
                Path.of(env.getOrDefault("LOCAL_STACK_DIR", ".local-stack")).toAbsolutePath().normalize(),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "ORDERS_API_PORT", 8080),
                port(env, "DISPATCHER_PORT", 8081),
                port(env, "RECEIVER_PORT", 8082),
                env.getOrDefault("LOCAL_WEBHOOK_SECRET", DEVELOPMENT_WEBHOOK_SECRET),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LOCAL_STACK_START_TIMEOUT", "180"))),
                port(env, "LOCAL_SMTP_PORT", 3025),
                port(env, "LOCAL_MAIL_UI_PORT", 8025));
    }

    public boolean embeddedBroker() {
        return externalBootstrapServers == null;
    }

    /** The same settings pointed at another Kafka cluster. */
    public StackSettings withExternalBootstrapServers(String bootstrapServers) {
        return new StackSettings(home, dataDir, bootstrapServers, kafkaPort, kafkaControllerPort, ordersApiPort,
                dispatcherPort, receiverPort, webhookSecret, startTimeout, smtpPort, mailUiPort);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
