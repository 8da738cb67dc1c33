package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.signing.RequestSigner;
import io.hookline.dispatcher.signing.SignatureHeaders;
import io.hookline.schemas.signing.CallbackSecrets;
import io.hookline.schemas.signing.SignatureVerifier;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.schemas.signing.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackSigningTests {

    private static final String MASTER_TEXT = "whsec_Y2FsbGJhY2stc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==";
    private static final WebhookSecret MASTER = WebhookSecret.parse(MASTER_TEXT);
    private static final CallbackSecrets DERIVED = new CallbackSecrets(MASTER);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"type\":\"order.paid\"}".getBytes(StandardCharsets.UTF_8);

    private final CallbackSigning signing = new CallbackSigning(new CallbackProperties(MASTER_TEXT));
    private final RequestSigner signer = new RequestSigner(CLOCK);

    @Test
    void signsAClientsCallbackWithItsOwnSecretOnly() throws Exception {
        SignatureHeaders headers = sign(signing.signing("cli_a", "1"));

        verify(headers, DERIVED.derive("cli_a", 1));
        assertThatThrownBy(() -> verify(headers, DERIVED.derive("cli_b", 1)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verify(headers, MASTER)).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verify(headers, DERIVED.derive("cli_a", 2)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void signsWithEveryListedVersionDuringARotationsGracePeriod() throws Exception {
        CallbackSigning.Signing both = signing.signing("cli_a", "2,1");
        SignatureHeaders headers = sign(both);

        assertThat(((CallbackSigning.Signing.Secrets) both).secrets())
                .containsExactly(DERIVED.derive("cli_a", 2), DERIVED.derive("cli_a", 1));
        assertThat(headers.signature().split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        verify(headers, DERIVED.derive("cli_a", 2));
        verify(headers, DERIVED.derive("cli_a", 1));
        assertThatThrownBy(() -> verify(headers, DERIVED.derive("cli_b", 2)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void signsAnEventWithoutClientWithTheMasterSecretAsBefore() throws Exception {
        CallbackSigning.Signing legacy = signing.signing(null, null);

        assertThat(legacy).isEqualTo(new CallbackSigning.Signing.Secrets(List.of(MASTER), true));
        assertThatCode(() -> verify(sign(legacy), MASTER)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "client_id={0} callback_key_versions={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            cli_a  | NULL    | client_id without callback_key_versions
            NULL   | 1       | callback_key_versions without client_id
            ''     | 1       | client_id is not a client id
            'cli a'| 1       | client_id is not a client id
            cli_a  | ''      | callback_key_versions is malformed ()
            cli_a  | two     | callback_key_versions is malformed (two)
            cli_a  | 0       | callback_key_versions is malformed (0)
            cli_a  | -1      | callback_key_versions is malformed (-1)
            cli_a  | 2,,1    | callback_key_versions is malformed (2,,1)
            cli_a  | 5,4,3,2,1 | callback_key_versions is malformed (5,4,3,2,1)
            """)
    void refusesMalformedClientHeadersInsteadOfSigningWithAWrongKey(String clientId, String versions,
            String reason) {
        assertThat(signing.signing(clientId, versions)).isEqualTo(new CallbackSigning.Signing.Refused(reason));
    }

    @Test
    void refusesEverythingWhenCallbacksAreOff() {
        CallbackSigning off = new CallbackSigning(new CallbackProperties(""));

        assertThat(off.enabled()).isFalse();
        assertThat(off.signing("cli_a", "1")).isInstanceOf(CallbackSigning.Signing.Refused.class);
        assertThat(off.signing(null, null)).isInstanceOf(CallbackSigning.Signing.Refused.class);
    }

    private SignatureHeaders sign(CallbackSigning.Signing decided) {
        return signer.sign("evt_1", BODY, ((CallbackSigning.Signing.Secrets) decided).secrets());
    }

    private static void verify(SignatureHeaders headers, WebhookSecret secret) throws WebhookVerificationException {
        new SignatureVerifier(List.of(secret), Duration.ofMinutes(5), CLOCK).verify(headers.id(),
                Long.toString(headers.timestamp()), headers.signature(), BODY);
    }
}
