package io.hookline.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.support.web.LimitedRequest.LimitedInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LimitedRequestTests {

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        LimitedInputStream in = new LimitedInputStream(body(10), 10);

        assertThat(in.readAllBytes()).hasSize(10);
    }

    @Test
    void oneByteMoreThanTheLimitThrowsWithTheLimit() {
        LimitedInputStream in = new LimitedInputStream(body(11), 10);

        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(RequestBodyTooLargeException.class,
                e -> assertThat(e.limit()).isEqualTo(10));
    }

    @Test
    void neverReadsMoreThanOneByteBeyondTheLimit() {
        CountingStream source = body(1_000_000);
        LimitedInputStream in = new LimitedInputStream(source, 100);

        assertThatThrownBy(() -> in.read(new byte[64 * 1024])).isInstanceOf(RequestBodyTooLargeException.class);
        assertThat(source.consumed).isEqualTo(101);
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        LimitedInputStream in = new LimitedInputStream(body(3), 2);
        in.read();
        in.read();

        assertThatThrownBy(in::read).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void theExceptionIsFoundInACauseChain() {
        RequestBodyTooLargeException tooLarge = new RequestBodyTooLargeException(5);

        assertThat(RequestBodyTooLargeException.in(new IllegalStateException(new RuntimeException(tooLarge))))
                .isSameAs(tooLarge);
        assertThat(RequestBodyTooLargeException.in(new IllegalStateException())).isNull();
    }

    private static CountingStream body(int size) {
        return new CountingStream(new byte[size]);
    }

    private static final class CountingStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;
        private long consumed;

        CountingStream(byte[] content) {
            this.bytes = new ByteArrayInputStream(content);
        }

        @Override
        public int read() {
            int b = bytes.read();
            consumed += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = bytes.read(buffer, offset, length);
            consumed += Math.max(n, 0);
            return n;
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
        }
    }
}
