package io.hookline.receiver.bench;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.schemas.signing.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load in the manner of wrk2: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the earlier ones, and its latency is measured from that intended time to the end of the
 * answer, so a stalled server is charged for every request that queued behind the stall (no coordinated
 * omission). The schedule is spread over a fixed set of keep-alive HTTP/1.1 connections (request {@code i}
 * on connection {@code i mod connections}), each driven by one thread with a plain blocking socket, so the
 * generator itself costs little CPU. Each request is a valid order.paid webhook with a unique
 * {@code webhook-id} and order id, signed just before it is written with a fresh {@code webhook-timestamp}.
 */
final class OpenLoopLoad {

    private final String host;
    private final int port;
    private final WebhookSecret secret;
    private final String runId;
    private final int connections;
    private final AtomicLong sequence = new AtomicLong();

    OpenLoopLoad(String host, int port, WebhookSecret secret, String runId, int connections) {
        this.host = host;
        this.port = port;
        this.secret = secret;
        this.runId = runId;
        this.connections = connections;
    }

    /** Sends {@code rate} requests per second for {@code duration}, waits for the answers, and reports. */
    Result run(int rate, Duration duration) throws InterruptedException {
        int count = (int) (rate * duration.toMillis() / 1000);
        long[] latencies = new long[count];
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < Math.min(connections, count); c++) {
            int first = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> drive(first, count, start, periodNanos,
                    latencies, statuses)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long ended = System.nanoTime();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.get()));
        return new Result(rate, count, Duration.ofNanos(ended - start), latencies, byStatus);
    }

    private void drive(int first, int count, long start, long periodNanos, long[] latencies,
            Map<Integer, AtomicLong> statuses) {
        Connection connection = null;
        for (int i = first; i < count; i += connections) {
            long intended = start + i * periodNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int status;
            try {
                if (connection == null) {
                    connection = new Connection(host, port);
                }
                status = connection.exchange(request());
                if (connection.closeRequested) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException e) {
                status = -1;
                if (connection != null) {
                    connection.close();
                }
                connection = null;
            }
            latencies[i] = System.nanoTime() - intended;
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
        if (connection != null) {
            connection.close();
        }
    }

    private byte[] request() {
        long n = sequence.incrementAndGet();
        String webhookId = "msg_" + runId + "_" + n;
        String orderId = "ord_" + runId + String.format("%012d", n);
        String now = Instant.now().toString();
        String body = "{\"type\":\"order.paid\",\"timestamp\":\"" + now + "\",\"data\":{\"order_id\":\"" + orderId
                + "\",\"customer_email\":\"ada@example.com\",\"product_name\":\"Mechanical keyboard\","
                + "\"quantity\":2,\"unit_price\":\"29.99\",\"currency\":\"USD\",\"amount\":\"59.98\","
                + "\"paid_at\":\"" + now + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        String head = "POST /webhooks/order-paid HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nwebhook-id: " + webhookId + "\r\nwebhook-timestamp: " + timestamp
                + "\r\nwebhook-signature: " + WebhookSignature.sign(secret, webhookId, timestamp, bytes) + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        return request;
    }

    /** One keep-alive HTTP/1.1 connection; reads just enough of each answer to know its status and end. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[16 * 1024];
        boolean closeRequested;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            int length = 0;
            int headerEnd = -1;
            while (headerEnd < 0) {
                length += read(length);
                headerEnd = indexOf(buffer, length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            String headers = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(headers.substring(9, 12));
            String lower = headers.toLowerCase(java.util.Locale.ROOT);
            closeRequested = lower.contains("\r\nconnection: close");
            int bodyStart = headerEnd + 4;
            int contentLength = contentLength(lower);
            if (contentLength >= 0) {
                while (length - bodyStart < contentLength) {
                    length += read(length);
                }
            } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
                byte[] last = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                while (!endsWith(buffer, length, last)) {
                    length += read(length);
                }
            }
            return status;
        }

        private int read(int offset) throws IOException {
            int n = in.read(buffer, offset, buffer.length - offset);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            return n;
        }

        private static int contentLength(String lowerHeaders) {
            int at = lowerHeaders.indexOf("\r\ncontent-length:");
            if (at < 0) {
                return -1;
            }
            int end = lowerHeaders.indexOf("\r\n", at + 2);
            return Integer.parseInt(lowerHeaders.substring(at + 17, end < 0 ? lowerHeaders.length() : end).trim());
        }

        private static int indexOf(byte[] data, int length, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static boolean endsWith(byte[] data, int length, byte[] suffix) {
            if (length < suffix.length) {
                return false;
            }
            for (int j = 0; j < suffix.length; j++) {
                if (data[length - suffix.length + j] != suffix[j]) {
                    return false;
                }
            }
            return true;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** What one phase measured. */
    record Result(int rate, int requests, Duration took, long[] latencies, Map<Integer, Long> statuses) {

        long percentileMicros(double percentile) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000;
        }

        double achievedRate() {
            return requests / (took.toNanos() / 1e9);
        }

        String render(String phase) {
            return String.format("%s: %d requests at %d/s open-loop in %.1f s (%.0f answers/s); statuses %s%n"
                            + "  latency from intended send time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                            + "p99.9 %.2f ms, max %.2f ms",
                    phase, requests, rate, took.toMillis() / 1000.0, achievedRate(), statuses,
                    percentileMicros(50) / 1000.0, percentileMicros(90) / 1000.0, percentileMicros(99) / 1000.0,
                    percentileMicros(99.9) / 1000.0, percentileMicros(100) / 1000.0);
        }
    }
}
