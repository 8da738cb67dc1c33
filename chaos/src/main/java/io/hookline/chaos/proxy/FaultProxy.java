package io.hookline.chaos.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 standing between the dispatcher and the receiver's webhook endpoint. Each request
 * is dropped, hung, forwarded, or forwarded with its acknowledgement lost, as the {@link FaultPlan} says, and
 * counted in the {@link WebhookLedger}. Forwarding uses a real HTTP client and passes the Standard Webhooks
 * headers and the body unchanged, so the receiver verifies the dispatcher's signature. Thread-safe; each
 * request runs on its own virtual thread.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> FORWARDED_HEADERS = List.of("webhook-id", "webhook-timestamp",
            "webhook-signature", "content-type", "traceparent");
    /** Longer than any attempt budget of the dispatcher (10 s), so a hung request always times out there. */
    private static final Duration HANG_FOR = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService hangs = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(workers).build();
    private final URI target;
    private final FaultPlan plan;
    private final WebhookLedger ledger = new WebhookLedger();

    private FaultProxy(HttpServer server, URI target, FaultPlan plan) {
        this.server = server;
        this.target = target;
        this.plan = plan;
    }

    /** Starts the proxy on 127.0.0.1:{@code port} (0 = any free port), forwarding every path to {@code target}. */
    public static FaultProxy start(int port, URI target, FaultPlan plan) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        FaultProxy proxy = new FaultProxy(server, target, plan);
        server.createContext("/", proxy::handle);
        server.setExecutor(proxy.workers);
        server.start();
        return proxy;
    }

    /** The URL to register as the webhook endpoint. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getPath());
    }

    public WebhookLedger ledger() {
        return ledger;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        if (webhookId == null) {
            answer(exchange, 400, "no webhook-id");
            return;
        }
        int request = ledger.request(webhookId, orderId(body));
        Fault fault = plan.decide(webhookId, request);
        switch (fault) {
            case CLOSE -> {
                ledger.fault(webhookId, fault);
                exchange.close(); // no answer was started: the server closes the connection
            }
            case HANG -> {
                ledger.fault(webhookId, fault);
                hangs.schedule(exchange::close, HANG_FOR.toMillis(), TimeUnit.MILLISECONDS);
            }
            case FORWARD, LOSE_ACK -> forward(exchange, webhookId, body, fault);
        }
    }

    private void forward(HttpExchange exchange, String webhookId, byte[] body, Fault fault) throws IOException {
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            answer(exchange, 502, "receiver unreachable");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "interrupted");
            return;
        }
        boolean accepted = response.statusCode() / 100 == 2;
        ledger.forwarded(webhookId, accepted);
        if (fault == Fault.LOSE_ACK) {
            ledger.fault(webhookId, fault);
            answer(exchange, 503, "acknowledgement lost by the chaos proxy");
            return;
        }
        if (answer(exchange, response.statusCode(), response.body()) && accepted) {
            ledger.acknowledged(webhookId);
        }
    }

    private static boolean answer(HttpExchange exchange, int status, String text) {
        return answer(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the answer; false when the dispatcher had already gone (timed out or closed the connection). */
    private static boolean answer(HttpExchange exchange, int status, byte[] bytes) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    private static String orderId(byte[] body) {
        Matcher matcher = ORDER_ID.matcher(new String(body, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public void close() {
        server.stop(0);
        hangs.shutdownNow();
        workers.shutdownNow();
    }
}
