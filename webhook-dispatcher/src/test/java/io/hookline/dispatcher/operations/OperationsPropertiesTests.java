package io.hookline.dispatcher.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperationsPropertiesTests {

    @Test
    void toStringShowsNeitherTheWebhookSecretNorCredentialsInItsUrl() {
        String secret = "whsec_b3BlcmF0aW9ucy1zZWNyZXQta2V5LWZvci10ZXN0cyEh";
        OperationsProperties properties = new OperationsProperties("ops", "https://ops:pa55@ops.example.com/hook?k=t0k",
                secret, 4, Duration.ofSeconds(2));

        assertThat(properties.toString()).contains("ops.example.com/hook", "webhookSecret=***")
                .doesNotContain(secret.substring(6)).doesNotContain("pa55").doesNotContain("t0k");
    }
}
