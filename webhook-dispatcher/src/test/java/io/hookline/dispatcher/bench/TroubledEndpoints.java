package io.hookline.dispatcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The misbehaving endpoints of the partial-failure benchmark on 127.0.0.1 (Reactor Netty, non-blocking),
 * one route per {@link Trouble}, all reporting to one {@link AckLedger} (a run uses one of them at a time).
 * The refused endpoint is a loopback port that was free when this was built and that nothing listens on
 * (another process could take it in between; nothing on this machine binds random ports of that range on
 * purpose). Thread-safe.
 */
final class TroubledEndpoints implements AutoCloseable {

    private static final double FLAKY_FAILURE_SHARE = 0.30;

    private final Duration delay;
    private final AckLedger ledger = new AckLedger();
    private final DisposableServer server;
    private final int refusedPort = freeLoopbackPort();

    TroubledEndpoints(Duration delay) {
        this.delay = delay;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/hanging", (request, response) -> hang(request))
                        .post("/flaky", (request, response) -> flaky(request, response))
                        .post("/first-attempt-fails", (request, response) -> firstAttemptFails(request, response))
                        .post("/unavailable", (request, response) -> unavailable(request, response)))
                .bindNow();
    }

    String url(Trouble trouble) {
        return switch (trouble) {
            case REFUSED -> "http://127.0.0.1:" + refusedPort + "/refused";
            case HANGING -> base() + "/hanging";
            case FLAKY -> base() + "/flaky";
            case FIRST_ATTEMPT_FAILS -> base() + "/first-attempt-fails";
            case RETRY_AFTER_HOUR -> base() + "/unavailable";
        };
    }

    AckLedger ledger() {
        return ledger;
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private Publisher<Void> hang(HttpServerRequest request) {
        ledger.requested(webhookId(request));
        return request.receive().then(Mono.never());
    }

    private Publisher<Void> flaky(HttpServerRequest request, HttpServerResponse response) {
        String id = webhookId(request);
        ledger.requested(id);
        if (ThreadLocalRandom.current().nextDouble() < FLAKY_FAILURE_SHARE) {
            return request.receive().then(response.status(500).send());
        }
        return okAfterDelay(request, response, id);
    }

    private Publisher<Void> firstAttemptFails(HttpServerRequest request, HttpServerResponse response) {
        String id = webhookId(request);
        if (ledger.requested(id)) {
            return request.receive().then(response.status(500).send());
        }
        return okAfterDelay(request, response, id);
    }

    private Publisher<Void> unavailable(HttpServerRequest request, HttpServerResponse response) {
        ledger.requested(webhookId(request));
        return request.receive().then(response.status(503).header("Retry-After", "3600").send());
    }

    private Mono<Void> okAfterDelay(HttpServerRequest request, HttpServerResponse response, String id) {
        return request.receive().then(Mono.delay(delay))
                .then(Mono.fromRunnable(() -> ledger.acknowledged(id)))
                .then(response.status(200).send());
    }

    private static String webhookId(HttpServerRequest request) {
        return request.requestHeaders().get("webhook-id");
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(2));
    }
}
