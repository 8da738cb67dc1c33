package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.receiver.verification.VerificationProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class BoundedBodyReaderTests {

    private final BoundedBodyReader reader = new BoundedBodyReader(new VerificationProperties(
            List.of(VerificationProperties.DEVELOPMENT_SECRET), Duration.ofMinutes(5), DataSize.ofBytes(10)));

    @Test
    void readsABodyUpToTheLimitExactly() throws Exception {
        assertThat(reader.read(request(new byte[10], 10))).hasSize(10);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() {
        assertThatThrownBy(() -> reader.read(request(new byte[1], 11))).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void refusesALongerBodyThanDeclaredOrAChunkedOne() {
        assertThatThrownBy(() -> reader.read(request(new byte[11], -1))).isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> reader.read(request(new byte[11], 5))).isInstanceOf(PayloadTooLargeException.class);
    }

    private static MockHttpServletRequest request(byte[] body, long declaredLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/order-paid") {
            @Override
            public long getContentLengthLong() {
                return declaredLength;
            }
        };
        request.setContent(body);
        return request;
    }
}
