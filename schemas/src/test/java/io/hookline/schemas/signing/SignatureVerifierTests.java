package io.hookline.schemas.signing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerifierTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String BODY = "{\"type\":\"order.paid\"}";

    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SignatureVerifier verifier = new SignatureVerifier(List.of(secret), Duration.ofMinutes(5), clock);

    @Test
    void acceptsARequestSignedByTheReferenceLibrary() throws Exception {
        long ts = NOW.getEpochSecond();
        String signature = new Webhook(secret.encoded()).sign("evt_1", ts, BODY);

        assertThatCode(() -> verifier.verify("evt_1", Long.toString(ts), signature, bytes(BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        long ts = NOW.getEpochSecond();
        String signature = WebhookSignature.sign(secret, "evt_1", ts, BODY);

        assertThatThrownBy(() -> verifier.verify("evt_1", Long.toString(ts), signature, bytes(BODY + " ")))
                .isInstanceOf(WebhookVerificationException.NoMatchingSignature.class);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        long ts = NOW.getEpochSecond();
        WebhookSecret other = WebhookSecret.generate(new SecureRandom());
        String signature = WebhookSignature.sign(other, "evt_1", ts, BODY);

        assertThatThrownBy(() -> verifier.verify("evt_1", Long.toString(ts), signature, bytes(BODY)))
                .isInstanceOf(WebhookVerificationException.NoMatchingSignature.class);
    }

    @Test
    void refusesTimestampsOutsideTheToleranceEitherWay() {
        for (long ts : new long[] {NOW.getEpochSecond() - 301, NOW.getEpochSecond() + 301}) {
            String signature = WebhookSignature.sign(secret, "evt_1", ts, BODY);
            assertThatThrownBy(() -> verifier.verify("evt_1", Long.toString(ts), signature, bytes(BODY)))
                    .isInstanceOf(WebhookVerificationException.TimestampOutOfTolerance.class);
        }
    }

    @Test
    void refusesMissingHeadersAndNonNumericTimestamps() {
        assertThatThrownBy(() -> verifier.verify("evt_1", null, "v1,abc", bytes(BODY)))
                .isInstanceOf(WebhookVerificationException.MissingHeaders.class);
        assertThatThrownBy(() -> verifier.verify("evt_1", "yesterday", "v1,abc", bytes(BODY)))
                .isInstanceOf(WebhookVerificationException.MissingHeaders.class);
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatchesAnyOfSeveralSecrets() {
        WebhookSecret next = WebhookSecret.generate(new SecureRandom());
        SignatureVerifier rotating = new SignatureVerifier(List.of(next, secret), Duration.ofMinutes(5), clock);
        long ts = NOW.getEpochSecond();
        String header = "v1,bm90LWl0 v2,ignored " + WebhookSignature.sign(secret, "evt_1", ts, BODY);

        assertThatCode(() -> rotating.verify("evt_1", Long.toString(ts), header, bytes(BODY)))
                .doesNotThrowAnyException();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
