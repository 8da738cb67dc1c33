package io.hookline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackServicesTests {

    private final StackSettings settings = StackSettings.fromEnvironment(Map.of());
    private final List<ServiceSpec> specs = StackServices.of(settings, "localhost:9092");

    @Test
    void everyServiceGetsItsPortAndTheSameKafka() {
        assertThat(specs).extracting(ServiceSpec::name)
                .containsExactly("orders-api", "webhook-dispatcher", "notification-receiver");
        assertThat(specs).allSatisfy(spec -> assertThat(spec.arguments())
                .contains("--server.port=" + spec.port(), "--spring.kafka.bootstrap-servers=localhost:9092"));
        assertThat(specs.get(0).jar()).endsWithRaw(java.nio.file.Path.of("orders-api/target/orders-api-exec.jar"));
    }

    @Test
    void theReceiverIsSubscribedToEveryOrderEventItActsOnWithTheSecretItVerifiesWith() {
        assertThat(specs.get(1).arguments()).contains(
                "--hookline.dispatcher.endpoints[0].url=http://localhost:8082/webhooks/orders",
                "--hookline.dispatcher.endpoints[0].secret=" + settings.webhookSecret(),
                "--hookline.dispatcher.endpoints[0].event-types[0]=order.created",
                "--hookline.dispatcher.endpoints[0].event-types[1]=order.paid",
                "--hookline.dispatcher.endpoints[0].event-types[2]=order.cancelled",
                "--hookline.dispatcher.endpoints[0].event-types[3]=order.refunded",
                StackServices.FAST_CRASH_RECOVERY);
        assertThat(specs.get(2).arguments()).contains("--hookline.receiver.secrets[0]=" + settings.webhookSecret());
    }

    @Test
    void theReceiverRunsWithItsDocumentedDevelopmentAdminToken() {
        assertThat(specs.get(2).arguments()).contains("--hookline.receiver.admin.token=hookline-local-receiver-admin-token");
        assertThat(specs.get(2).role()).contains(StackServices.LOCAL_RECEIVER_ADMIN_TOKEN);
    }

    @Test
    void theDispatcherKeepsItsDatabaseInTheDataDirectoryAndAcceptsLocalEndpoints() {
        assertThat(specs.get(1).arguments()).contains(
                "--hookline.dispatcher.admin.token=" + StackServices.LOCAL_ADMIN_TOKEN,
                "--hookline.dispatcher.directory.allow-private-urls=true")
                .anyMatch(arg -> arg.startsWith("--spring.datasource.url=jdbc:h2:file:")
                        && arg.endsWith("db/dispatcher;WRITE_DELAY=0"));
    }

    @Test
    void theReceiverSendsItsEmailsToTheLocalSmtpCatcher() {
        assertThat(specs.get(2).arguments()).contains("--spring.mail.host=127.0.0.1", "--spring.mail.port=3025");
        assertThat(StackServices.of(settings, "localhost:9092", 41025).get(2).arguments())
                .contains("--spring.mail.port=41025").doesNotContain("--spring.mail.port=3025");
        assertThat(specs.get(0).arguments()).noneMatch(arg -> arg.startsWith("--spring.mail"));
    }

    @Test
    void ordersApiSeedsTheDevelopmentClientWhoseKeyTheStackPrints() {
        assertThat(specs.get(0).arguments()).contains("--hookline.orders.auth.development-keys.enabled=true",
                "--hookline.orders.auth.development-keys.client-key=" + StackSettings.DEVELOPMENT_ORDERS_API_KEY);
        assertThat(StackSettings.DEVELOPMENT_ORDERS_API_KEY).startsWith("sk_test_hookline_dev_");
    }

    @Test
    void databasesLiveUnderTheDataDirectoryAndWriteThroughOnCommit() {
        assertThat(specs.get(0).arguments()).anySatisfy(arg -> assertThat(arg)
                .startsWith("--spring.datasource.url=jdbc:h2:file:" + settings.dataDir().resolve("db/orders"))
                .endsWith(";WRITE_DELAY=0"));
    }
}
