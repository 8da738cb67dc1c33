package io.hookline.dispatcher.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The benchmark's webhook endpoints on 127.0.0.1 (Reactor Netty, non-blocking): {@code /healthy} answers
 * 200 after {@code delay}; {@code /dead} accepts the connection and never answers. Records, per webhook-id,
 * the first arrival at {@code /healthy} and its latency from the event's send time. Thread-safe.
 */
final class BenchEndpoints implements AutoCloseable {

    private final DisposableServer server;
    private final Map<String, Long> sentNanos;
    private final Set<String> healthySeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong healthyRequests = new AtomicLong();
    private final AtomicLong deadRequests = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private volatile long lastHealthyNanos;

    BenchEndpoints(Duration delay, Map<String, Long> sentNanos) {
        this.sentNanos = sentNanos;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/healthy", (request, response) -> {
                            arrived(request.requestHeaders().get("webhook-id"));
                            return request.receive().then(Mono.delay(delay)).then(response.status(200).send());
                        })
                        .post("/dead", (request, response) -> {
                            deadRequests.incrementAndGet();
                            return request.receive().then(Mono.never());
                        }))
                .bindNow();
    }

    private void arrived(String webhookId) {
        long now = System.nanoTime();
        healthyRequests.incrementAndGet();
        if (webhookId != null && healthySeen.add(webhookId)) {
            lastHealthyNanos = now;
            Long sent = sentNanos.get(webhookId);
            if (sent != null) {
                latenciesMicros.add((now - sent) / 1000);
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Distinct events that reached /healthy. */
    int healthyDelivered() {
        return healthySeen.size();
    }

    long healthyRequests() {
        return healthyRequests.get();
    }

    long deadRequests() {
        return deadRequests.get();
    }

    long lastHealthyNanos() {
        return lastHealthyNanos;
    }

    ConcurrentLinkedQueue<Long> latenciesMicros() {
        return latenciesMicros;
    }

    void reset() {
        healthySeen.clear();
        healthyRequests.set(0);
        deadRequests.set(0);
        latenciesMicros.clear();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(2));
    }
}
