package io.hookline.schemas.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    // The Standard Webhooks specification's test vector.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";

    @Test
    void reproducesTheSpecificationTestVector() {
        assertThat(WebhookSignature.sign(WebhookSecret.parse(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void agreesWithTheReferenceLibrarySigner() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        String body = "{\"type\":\"order.paid\",\"data\":{\"amount\":\"59.98\"}}";

        String ours = WebhookSignature.sign(secret, "evt_1", 1_700_000_000L, body);
        String reference = new Webhook(secret.encoded()).sign("evt_1", 1_700_000_000L, body);

        assertThat(ours).isEqualTo(reference);
    }

    @Test
    void headerCarriesOneSignaturePerSecretAndEitherVerifiesWithTheReferenceLibrary() {
        WebhookSecret oldSecret = WebhookSecret.generate(new SecureRandom());
        WebhookSecret newSecret = WebhookSecret.generate(new SecureRandom());
        long now = System.currentTimeMillis() / 1000;
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSignature.header(List.of(oldSecret, newSecret), "evt_2", now, body);

        assertThat(header.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of("evt_2"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(header));
        assertThatNoException().isThrownBy(() -> new Webhook(oldSecret.encoded()).verify("{\"a\":1}", headers));
        assertThatNoException().isThrownBy(() -> new Webhook(newSecret.encoded()).verify("{\"a\":1}", headers));
    }

    @Test
    void secretNeverShowsInToString() {
        WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);

        assertThat(secret.toString()).isEqualTo("whsec_***");
        assertThat(secret.encoded()).isEqualTo(SPEC_SECRET);
    }
}
