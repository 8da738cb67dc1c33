package io.hookline.receiver.webhook;

import io.hookline.receiver.verification.VerificationProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Reads a request body as raw bytes (the signature covers the exact bytes), refusing anything larger than
 * {@code hookline.receiver.max-body-size}: up front by {@code Content-Length}, and while reading for chunked bodies
 * or a lying header. Never holds more than the limit plus one byte. Stateless and thread-safe.
 */
@Component
class BoundedBodyReader {

    private final long limit;

    BoundedBodyReader(VerificationProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, limit + 1);
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(cap);
            if (body.length > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return body;
        }
    }
}
