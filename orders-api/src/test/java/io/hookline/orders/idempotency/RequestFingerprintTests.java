package io.hookline.orders.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void memberOrderAndWhitespaceAtAnyDepthDoNotChangeTheFingerprint() {
        String a = fingerprint("POST", "/orders", "{\"a\": 1, \"b\": {\"x\": [1, {\"p\": 1, \"q\": 2}], \"y\": null}}");
        String b = fingerprint("POST", "/orders", "{\"b\":{\"y\":null,\"x\":[1,{\"q\":2,\"p\":1}]},\"a\":1}");

        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void valuesArrayOrderMethodAndPathDo() {
        String base = fingerprint("POST", "/orders", "{\"a\": [1, 2]}");

        assertThat(fingerprint("POST", "/orders", "{\"a\": [2, 1]}")).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/orders", "{\"a\": [1, 3]}")).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/orders", "{\"a\": \"[1, 2]\"}")).isNotEqualTo(base);
        assertThat(fingerprint("PUT", "/orders", "{\"a\": [1, 2]}")).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/orders/x/payment", "{\"a\": [1, 2]}")).isNotEqualTo(base);
    }

    private String fingerprint(String method, String path, String json) {
        return RequestFingerprint.of(method, path, mapper.readTree(json), mapper);
    }
}
