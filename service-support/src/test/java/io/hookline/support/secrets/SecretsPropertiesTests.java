package io.hookline.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecretsPropertiesTests {

    private static final String KEY = SecretCipherTests.KEY_1;

    @Test
    void refusesAKeyThatIsNotBase64NamingTheKeyIdNotTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretsProperties(Map.of("k1", "no*base64"), "k1"))
                .withMessageContaining("hookline.secrets.keys.k1").withMessageNotContaining("no*base64");
    }

    @Test
    void refusesAKeyOfAnotherLengthThan32Bytes() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatIllegalArgumentException().isThrownBy(() -> new SecretsProperties(Map.of("k1", short16), "k1"))
                .withMessageContaining("exactly 32 bytes").withMessageContaining("not 16");
    }

    @Test
    void refusesAnActiveKeyThatIsNotConfigured() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretsProperties(Map.of("k1", KEY), "k2"))
                .withMessageContaining("hookline.secrets.active-key").withMessageContaining("'k2'");
    }

    @Test
    void refusesKeyIdsThatCannotBeWrittenIntoTheStoredForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretsProperties(Map.of("k:1", KEY), ""))
                .withMessageContaining("key id 'k:1'");
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretsProperties(Map.of("k_1", KEY), ""));
    }

    @Test
    void ignoresBlankKeysAndRedactsEveryKeyInToString() {
        SecretsProperties properties = new SecretsProperties(Map.of("k1", KEY, "dropped", " "), "k1");

        assertThat(properties.keys()).containsOnlyKeys("k1");
        assertThat(properties.toString()).contains("k1").doesNotContain(KEY);
    }

    @Test
    void theAutoConfigurationBindsTheKeysAndRefusesABadOneAtStartup() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SecretsAutoConfiguration.class));

        runner.withPropertyValues("hookline.secrets.keys.k1=" + KEY, "hookline.secrets.active-key=k1")
                .run(context -> assertThat(context.getBean(SecretCipher.class).activeKeyId()).hasValue("k1"));
        runner.run(context -> assertThat(context.getBean(SecretCipher.class).activeKeyId()).isEmpty());
        runner.withPropertyValues("hookline.secrets.keys.k1=AAAA", "hookline.secrets.active-key=k1")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("hookline.secrets.keys.k1"));
    }
}
