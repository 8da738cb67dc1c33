package io.hookline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTests {

    @Test
    void defaultsAreTheDocumentedPortsAndAnEmbeddedBroker() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        assertThat(settings.embeddedBroker()).isTrue();
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.ordersApiPort()).isEqualTo(8080);
        assertThat(settings.dispatcherPort()).isEqualTo(8081);
        assertThat(settings.receiverPort()).isEqualTo(8082);
        assertThat(settings.dataDir()).endsWithRaw(java.nio.file.Path.of(".local-stack"));
        assertThat(settings.webhookSecret()).isEqualTo(StackSettings.DEVELOPMENT_WEBHOOK_SECRET);
        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.mailUiPort()).isEqualTo(8025);
    }

    @Test
    void smtpAndMailPagePortsAreConfigurableAndAnyFreePortWithoutThem() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("LOCAL_SMTP_PORT", "2525",
                "LOCAL_MAIL_UI_PORT", "8125"));
        StackSettings withoutMailPorts = new StackSettings(settings.home(), settings.dataDir(), null, 9092, 9093,
                8080, 8081, 8082, StackSettings.DEVELOPMENT_WEBHOOK_SECRET, java.time.Duration.ofSeconds(1));

        assertThat(settings.smtpPort()).isEqualTo(2525);
        assertThat(settings.mailUiPort()).isEqualTo(8125);
        assertThat(withoutMailPorts.smtpPort()).isZero();
        assertThat(withoutMailPorts.mailUiPort()).isZero();
    }

    @Test
    void kafkaBootstrapServersSwitchesToAnExternalCluster() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092"));

        assertThat(settings.embeddedBroker()).isFalse();
        assertThat(settings.externalBootstrapServers()).isEqualTo("kafka-1:9092");
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("ORDERS_API_PORT", "eighty")))
                .hasMessageContaining("ORDERS_API_PORT");
    }
}
