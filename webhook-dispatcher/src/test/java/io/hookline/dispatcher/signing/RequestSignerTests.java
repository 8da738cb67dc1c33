package io.hookline.dispatcher.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.signing.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestSignerTests {

    private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    private final RequestSigner signer = new RequestSigner(
            Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC));

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        SignatureHeaders headers = signer.sign(SPEC_ID, SPEC_BODY, List.of(SPEC_SECRET));

        assertThat(headers.id()).isEqualTo(SPEC_ID);
        assertThat(headers.timestamp()).isEqualTo(1614265330L);
        assertThat(headers.signature()).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void takesTheTimestampFromTheClockAtSigning() {
        RequestSigner later = new RequestSigner(Clock.fixed(Instant.parse("2030-01-01T00:00:00.900Z"), ZoneOffset.UTC));

        assertThat(later.sign(SPEC_ID, SPEC_BODY, List.of(SPEC_SECRET)).timestamp())
                .isEqualTo(Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void signsWithEverySecretWhileOneRotates() {
        WebhookSecret next = WebhookSecret.parse("whsec_aG9va2xpbmUtbG9jYWwtZGV2ZWxvcG1lbnQta2V5ISE=");

        String signature = signer.sign(SPEC_ID, SPEC_BODY, List.of(SPEC_SECRET, next)).signature();

        assertThat(signature.split(" ")).hasSize(2)
                .startsWith("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void setsTheThreeStandardHeadersAndHidesTheSignatureFromToString() {
        SignatureHeaders signed = signer.sign(SPEC_ID, SPEC_BODY, List.of(SPEC_SECRET));
        HttpHeaders headers = new HttpHeaders();

        signed.applyTo(headers);

        assertThat(headers.getFirst("webhook-id")).isEqualTo(SPEC_ID);
        assertThat(headers.getFirst("webhook-timestamp")).isEqualTo("1614265330");
        assertThat(headers.getFirst("webhook-signature")).isEqualTo(signed.signature());
        assertThat(signed.toString()).doesNotContain(signed.signature().substring(3));
    }
}
