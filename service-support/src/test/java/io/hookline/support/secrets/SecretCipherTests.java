package io.hookline.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTests {

    static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String SECRET = "whsec_c2VjcmV0LWtleS1vZi1hbi1lbmRwb2ludC0xMjM0NQ==";
    private static final String CONTEXT = "endpoint_secrets.secret:ep_1";

    private final SecretCipher cipher = cipher(Map.of("k1", KEY_1), "k1");

    @Test
    void decryptsWhatItEncryptedAndNamesTheKeyIdInTheStoredForm() {
        String stored = cipher.encrypt(SECRET, CONTEXT);

        assertThat(stored).startsWith("enc:v1:k1:").doesNotContain(SECRET).doesNotContain(SECRET.substring(6));
        assertThat(SecretCipher.keyIdOf(stored)).hasValue("k1");
        assertThat(cipher.isUnderActiveKey(stored)).isTrue();
        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void twoEncryptionsOfOneValueDiffer() {
        String first = cipher.encrypt(SECRET, CONTEXT);
        String second = cipher.encrypt(SECRET, CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(payload(first).substring(0, 16)).as("the IV").isNotEqualTo(payload(second).substring(0, 16));
    }

    @Test
    void refusesAValueWithAnyByteFlipped() {
        String stored = cipher.encrypt(SECRET, CONTEXT);
        byte[] bytes = Base64.getDecoder().decode(payload(stored));

        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String changed = "enc:v1:k1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatExceptionOfType(SecretDecryptionException.class).as("byte %d", i)
                    .isThrownBy(() -> cipher.decrypt(changed, CONTEXT))
                    .withMessageContaining("failed authentication").withMessageNotContaining(SECRET);
        }
    }

    @Test
    void refusesAValueCopiedToAnotherContext() {
        String stored = cipher.encrypt(SECRET, CONTEXT);

        assertThatExceptionOfType(SecretDecryptionException.class)
                .isThrownBy(() -> cipher.decrypt(stored, "endpoint_secrets.secret:ep_2"))
                .withMessageContaining("endpoint_secrets.secret:ep_2").withMessageContaining("another row");
    }

    @Test
    void refusesAValueRelabelledWithAnotherConfiguredKeyId() {
        SecretCipher two = cipher(Map.of("k1", KEY_1, "k2", KEY_1), "k1");
        String relabelled = two.encrypt(SECRET, CONTEXT).replace("enc:v1:k1:", "enc:v1:k2:");

        assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> two.decrypt(relabelled, CONTEXT))
                .withMessageContaining("'k2'");
    }

    @Test
    void failsLoudlyNamingAKeyIdThatIsNotConfigured() {
        String stored = cipher(Map.of("k0", KEY_2), "k0").encrypt(SECRET, CONTEXT);

        assertThatExceptionOfType(UnknownSecretKeyException.class).isThrownBy(() -> cipher.decrypt(stored, CONTEXT))
                .withMessageContaining("'k0'").withMessageContaining("hookline.secrets.keys.k0")
                .satisfies(e -> assertThat(e.keyId()).isEqualTo("k0"));
    }

    @Test
    void decryptsUnderAnOlderKeyAfterANewOneBecameActive() {
        String old = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher rotated = cipher(Map.of("k1", KEY_1, "k2", KEY_2), "k2");

        assertThat(rotated.isUnderActiveKey(old)).isFalse();
        assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.encrypt(SECRET, CONTEXT)).startsWith("enc:v1:k2:");
    }

    @Test
    void refusesClearTextAndMalformedValues() {
        assertThat(SecretCipher.isEncrypted(SECRET)).isFalse();
        assertThat(cipher.isUnderActiveKey(SECRET)).isFalse();
        assertThatExceptionOfType(SecretDecryptionException.class).isThrownBy(() -> cipher.decrypt(SECRET, CONTEXT))
                .withMessageNotContaining(SECRET);
        assertThatExceptionOfType(SecretDecryptionException.class)
                .isThrownBy(() -> cipher.decrypt("enc:v1:k1:not*base64", CONTEXT));
        assertThatExceptionOfType(SecretDecryptionException.class)
                .isThrownBy(() -> cipher.decrypt("enc:v1:k1:AAAA", CONTEXT)).withMessageContaining("too short");
        assertThatExceptionOfType(SecretDecryptionException.class)
                .isThrownBy(() -> cipher.decrypt("enc:v1:k1", CONTEXT)).withMessageContaining("no key id");
    }

    @Test
    void refusesToEncryptWithoutAnActiveKeyNamingTheProperty() {
        SecretCipher none = cipher(Map.of("k1", KEY_1), "");

        assertThat(none.activeKeyId()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> none.encrypt(SECRET, CONTEXT))
                .withMessageContaining("hookline.secrets.active-key");
    }

    @Test
    void toStringNamesKeyIdsOnly() {
        assertThat(cipher.toString()).contains("k1").doesNotContain(KEY_1);
    }

    private static String payload(String stored) {
        return stored.substring(stored.lastIndexOf(':') + 1);
    }

    static SecretCipher cipher(Map<String, String> keys, String active) {
        return new SecretCipher(new SecretsProperties(keys, active), new SecureRandom());
    }
}
