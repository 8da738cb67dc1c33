package io.hookline.dispatcher.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server (the JDK's) standing in for webhook endpoints: every path is an endpoint, every
 * request is recorded, and the answer is 200 unless a test scripted another status for a (path, webhook-id)
 * pair (optionally with a {@code Retry-After}); the body is {@code status <code>}. Paths under
 * {@code /slow} hold the response until the server closes; paths under {@code /held/<millis>/} hold it that
 * many milliseconds (or until the server closes). Thread-safe.
 */
public final class RecordingWebhookServer implements AutoCloseable {

    public record ReceivedRequest(String path, Map<String, String> headers, byte[] body, int answeredStatus,
            Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String webhookId() {
            return header("webhook-id");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The headers as the Standard Webhooks reference library takes them. */
        public Map<String, List<String>> headerLists() {
            Map<String, List<String>> lists = new HashMap<>();
            headers.forEach((name, value) -> lists.put(name, List.of(value)));
            return lists;
        }
    }

    private final HttpServer server;
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final Map<String, String> retryAfter = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private RecordingWebhookServer(HttpServer server) {
        this.server = server;
    }

    public static RecordingWebhookServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingWebhookServer recording = new RecordingWebhookServer(server);
            server.createContext("/", recording::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** The next requests for this event at this path get these statuses, in order; later ones get 200. */
    public void answer(String path, UUID eventId, int... statuses) {
        Queue<Integer> queue = new ArrayDeque<>();
        Arrays.stream(statuses).forEach(queue::add);
        scripted.put(key(path, eventId.toString()), queue);
    }

    /** Every request for this event at this path gets this status. */
    public void alwaysAnswer(String path, UUID eventId, int status) {
        always.put(key(path, eventId.toString()), status);
    }

    /** Non-2xx answers for this event at this path carry this {@code Retry-After} value. */
    public void retryAfter(String path, UUID eventId, String value) {
        retryAfter.put(key(path, eventId.toString()), value);
    }

    public List<ReceivedRequest> received(String path, UUID eventId) {
        return requests.stream()
                .filter(request -> request.path().equals(path) && eventId.toString().equals(request.webhookId()))
                .toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            int status = statusFor(path, headers.get("webhook-id"));
            requests.add(new ReceivedRequest(path, Map.copyOf(headers), body, status, Instant.now()));
            if (path.startsWith("/slow")) {
                awaitClosing(30_000);
            } else if (path.startsWith("/held/")) {
                awaitClosing(Long.parseLong(path.split("/")[2]));
            }
            String wait = retryAfter.get(key(path, headers.get("webhook-id")));
            if (wait != null && status >= 300) {
                exchange.getResponseHeaders().set("Retry-After", wait);
            }
            byte[] answer = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private synchronized int statusFor(String path, String webhookId) {
        String key = key(path, webhookId);
        Integer fixed = always.get(key);
        if (fixed != null) {
            return fixed;
        }
        Queue<Integer> queue = scripted.get(key);
        Integer next = queue == null ? null : queue.poll();
        return next == null ? 200 : next;
    }

    private void awaitClosing(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String path, String webhookId) {
        return path + " " + webhookId;
    }
}
