package io.hookline.receiver.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.signing.WebhookSecret;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class VerificationPropertiesTests {

    @Test
    void defaultsToTheDevelopmentSecretFiveMinutesAnd64Kilobytes() {
        VerificationProperties properties = bind(Map.of());

        assertThat(properties.webhookSecrets())
                .containsExactly(WebhookSecret.parse(VerificationProperties.DEVELOPMENT_SECRET));
        assertThat(properties.tolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
    }

    @Test
    void acceptsSeveralSecretsForRotation() {
        String next = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef-next".getBytes());

        VerificationProperties properties = bind(Map.of("hookline.receiver.secrets[0]", VerificationProperties.DEVELOPMENT_SECRET,
                "hookline.receiver.secrets[1]", next, "hookline.receiver.tolerance", "30s", "hookline.receiver.max-body-size", "1KB"));

        assertThat(properties.webhookSecrets()).hasSize(2).contains(WebhookSecret.parse(next));
        assertThat(properties.tolerance()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(1));
    }

    @Test
    void toStringCountsTheSecretsAndShowsNone() {
        String next = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef-next".getBytes());

        String shown = bind(Map.of("hookline.receiver.secrets[0]", VerificationProperties.DEVELOPMENT_SECRET,
                "hookline.receiver.secrets[1]", next)).toString();

        assertThat(shown).contains("secrets=2 (redacted)").doesNotContain(next.substring(6))
                .doesNotContain(VerificationProperties.DEVELOPMENT_SECRET.substring(6));
    }

    @Test
    void refusesAMalformedSecretWithoutEchoingIt() {
        assertThatThrownBy(() -> bind(Map.of("hookline.receiver.secrets[0]", "whsec_not!base64!sekrit")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("hookline.receiver.secrets[0] must look like whsec_<base64> with at least 16 bytes "
                        + "of key")
                .hasMessageNotContaining("sekrit");
    }

    @Test
    void refusesANonPositiveTolerance() {
        assertThatThrownBy(() -> bind(Map.of("hookline.receiver.tolerance", "0s")))
                .rootCause().hasMessage("hookline.receiver.tolerance must be positive");
    }

    private static VerificationProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("hookline.receiver", VerificationProperties.class);
    }
}
