package io.hookline.dispatcher.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) whose paths are endpoints that fail in the ways production ones do; every
 * request is recorded with the status it got and when it arrived.
 * <ul>
 * <li>{@code /healthy}: 200;</li>
 * <li>{@code /hang}: accepts the request and never answers (until the server closes);</li>
 * <li>{@code /flaky}: 500 for 30 % of requests at random (seeded), but never a fourth time in a row for one
 * {@code webhook-id}, so a delivery with four attempts always gets through;</li>
 * <li>{@code /first-fails}: 500 to the first request of every {@code webhook-id}, 200 to later ones;</li>
 * <li>{@code /retry-after}: 503 with {@code Retry-After: 3600};</li>
 * <li>{@code /always-500}: 500.</li>
 * </ul>
 * Thread-safe.
 */
final class FaultyEndpointServer implements AutoCloseable {

    record Received(String path, String webhookId, int status, Instant at) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requestsOf = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresInARow = new ConcurrentHashMap<>();
    private final Random random = new Random(20261202);
    private final CountDownLatch closing = new CountDownLatch(1);

    private FaultyEndpointServer(HttpServer server) {
        this.server = server;
    }

    static FaultyEndpointServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FaultyEndpointServer faulty = new FaultyEndpointServer(server);
            server.createContext("/", faulty::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return faulty;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** The requests that reached {@code path} for one webhook, in arrival order. */
    List<Received> received(String path, String webhookId) {
        return received.stream().filter(r -> r.path().equals(path) && r.webhookId().equals(webhookId)).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String webhookId = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
            int status = statusFor(path, webhookId);
            received.add(new Received(path, webhookId, status, Instant.now()));
            if (status == 0) {
                closing.await(60, TimeUnit.SECONDS);
                return;
            }
            if (status == 503) {
                exchange.getResponseHeaders().set("Retry-After", "3600");
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status to answer, 0 for none (hang). */
    private int statusFor(String path, String webhookId) {
        int request = requestsOf.computeIfAbsent(path + " " + webhookId, key -> new AtomicInteger()).incrementAndGet();
        return switch (path) {
            case "/hang" -> 0;
            case "/first-fails" -> request == 1 ? 500 : 200;
            case "/retry-after" -> 503;
            case "/always-500" -> 500;
            case "/flaky" -> flaky(webhookId);
            default -> 200;
        };
    }

    private int flaky(String webhookId) {
        AtomicInteger inARow = failuresInARow.computeIfAbsent(webhookId, key -> new AtomicInteger());
        boolean fail;
        synchronized (random) {
            fail = random.nextDouble() < 0.3;
        }
        if (fail && inARow.get() < 3) {
            inARow.incrementAndGet();
            return 500;
        }
        inARow.set(0);
        return 200;
    }
}
