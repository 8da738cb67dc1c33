package io.hookline.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a generated request body of any size (never held in memory) to a server on 127.0.0.1 over a plain
 * socket, while reading the answer on the caller's thread, so a test sees what the server answers <em>before</em>
 * the body is sent and how much of it the server took. The body is {@code a=xxxx…} (form-encoded) unless
 * {@link #body(String, char) set}, sent with
 * a {@code Content-Length} or chunked. The client's send buffer is small, so the bytes sent are what the server
 * (its socket buffers included) accepted.
 */
public final class OversizeUpload {

    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] prefix = "a=".getBytes(StandardCharsets.US_ASCII);
    private byte[] filler = filler('x');

    public OversizeUpload(int port) {
        this.port = port;
    }

    /** The body is {@code prefix} followed by {@code fill} up to the size (default {@code a=} and {@code x}). */
    public OversizeUpload body(String prefix, char fill) {
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
        this.filler = filler(fill);
        return this;
    }

    /** Adds a request header. */
    public OversizeUpload header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Sends {@code method path} with a body of {@code size} bytes and waits (at most a minute) for the answer
     * and for the upload to end: sent completely, or stopped because the server closed the connection.
     *
     * @param chunked true: {@code Transfer-Encoding: chunked}; false: a {@code Content-Length}
     */
    public Result send(String method, String path, String contentType, long size, boolean chunked) {
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(64 * 1024);
            socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(1));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, contentType, size, chunked));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> writeBody(out, size, chunked, sent));
            Answer answer = Answer.read(new BufferedInputStream(socket.getInputStream()));
            long sentWhenAnswered = sent.get();
            if (!writer.join(Duration.ofMinutes(1))) {
                throw new IllegalStateException("the upload neither finished nor was stopped by the server");
            }
            return new Result(answer.status, answer.headers, answer.body, sentWhenAnswered, sent.get(),
                    sent.get() >= size);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("upload to 127.0.0.1:" + port + path + " failed", e);
        }
    }

    /** Used heap in bytes after a full collection (for a before/after comparison in the same JVM). */
    public static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private byte[] head(String method, String path, String contentType, long size, boolean chunked) {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void writeBody(OutputStream out, long size, boolean chunked, AtomicLong sent) {
        try {
            long remaining = size;
            boolean first = true;
            while (remaining > 0) {
                int n = (int) Math.min(filler.length, remaining);
                byte[] piece = first ? prefixed(n) : filler;
                first = false;
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                remaining -= n;
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // The server closed the connection: the upload stops here, which is what the tests look for.
        }
    }

    private byte[] prefixed(int n) {
        byte[] piece = Arrays.copyOf(filler, n);
        System.arraycopy(prefix, 0, piece, 0, Math.min(prefix.length, n));
        return piece;
    }

    private static byte[] filler(char fill) {
        byte[] bytes = new byte[64 * 1024];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    /**
     * What happened.
     *
     * @param sentWhenAnswered body bytes the client had sent when the answer's status line arrived
     * @param sent body bytes sent in all (the upload stops when the server closes the connection)
     * @param sentCompletely whether the whole body went out
     */
    public record Result(int status, Map<String, String> headers, String body, long sentWhenAnswered, long sent,
            boolean sentCompletely) {

        /** A response header by lower-case name, or "". */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("the server closed the connection without answering");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new Answer(status, headers, body(in, headers));
        }

        private static String body(InputStream in, Map<String, String> headers) throws IOException {
            if (headers.containsKey("content-length")) {
                return new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))),
                        StandardCharsets.UTF_8);
            }
            if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                return "";
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
