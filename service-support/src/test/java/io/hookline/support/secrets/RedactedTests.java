package io.hookline.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedTests {

    @Test
    void keepsSchemeHostPortAndPathOfAUrl() {
        assertThat(Redacted.url("https://hooks.example.com:8443/orders/paid"))
                .isEqualTo("https://hooks.example.com:8443/orders/paid");
    }

    @Test
    void hidesUserInfoAndTheQueryOfAUrl() {
        assertThat(Redacted.url("https://shop:s3cr3t@hooks.example.com/paid?token=abc123"))
                .isEqualTo("https://***@hooks.example.com/paid?***")
                .doesNotContain("s3cr3t").doesNotContain("abc123");
    }

    @Test
    void hidesATextThatIsNotAUrlWithAHostEntirely() {
        assertThat(Redacted.url("http://exa mple.com/?token=abc123")).isEqualTo("***");
        assertThat(Redacted.url("mailto:someone?token=abc123")).isEqualTo("***");
        assertThat(Redacted.url(null)).isNull();
    }

    @Test
    void masksAValueThatIsSetAndKeepsNull() {
        assertThat(Redacted.value("whsec_abc")).isEqualTo("***");
        assertThat(Redacted.value(null)).isNull();
    }
}
