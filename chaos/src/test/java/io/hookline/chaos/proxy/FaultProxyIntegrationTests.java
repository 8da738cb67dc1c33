package io.hookline.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a real HTTP receiver on 127.0.0.1: what reaches it, what comes back, what is counted. */
class FaultProxyIntegrationTests {

    private static final String BODY = "{\"type\":\"order.paid\",\"data\":{\"order_id\":\"ord_abc12345\"}}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer receiver;
    private FaultProxy proxy;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/order-paid", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            byte[] answer = "{\"status\":\"event_received\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        receiver.stop(0);
    }

    @Test
    void aDroppedRequestClosesTheConnectionUnforwardedAndTheNextOneGoesThrough() throws Exception {
        proxy = start(new FaultShares(1, 0, 0, 1));

        assertThatThrownBy(() -> post("evt_1")).isInstanceOf(IOException.class);
        assertThat(received).hasValue(0);

        assertThat(post("evt_1").statusCode()).isEqualTo(202);
        assertThat(received).hasValue(1);
        WebhookLedger.Tally tally = proxy.ledger().tally();
        assertThat(tally.requests()).isEqualTo(2);
        assertThat(tally.faults(Fault.CLOSE)).isEqualTo(1);
        assertThat(tally.acknowledged()).isEqualTo(1);
        assertThat(tally.acknowledgedOrders()).containsExactly("ord_abc12345");
    }

    @Test
    void aLostAcknowledgementIsDeliveredButAnswered503() throws Exception {
        proxy = start(new FaultShares(0, 0, 1, 1));

        assertThat(post("evt_2").statusCode()).isEqualTo(503);

        assertThat(received).hasValue(1);
        WebhookLedger.Tally tally = proxy.ledger().tally();
        assertThat(tally.receiverAccepted()).isEqualTo(1);
        assertThat(tally.acknowledged()).isZero();
        assertThat(tally.acknowledgedOrders()).isEmpty();
    }

    @Test
    void aHungRequestIsNeverAnsweredWithinTheSendersTimeout() throws Exception {
        proxy = start(new FaultShares(0, 1, 0, 1));

        assertThatThrownBy(() -> post("evt_3", Duration.ofMillis(500)))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(received).hasValue(0);
        assertThat(proxy.ledger().tally().faults(Fault.HANG)).isEqualTo(1);
    }

    private FaultProxy start(FaultShares shares) throws IOException {
        URI target = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/order-paid");
        return FaultProxy.start(0, target, new FaultPlan(1L, shares));
    }

    private HttpResponse<String> post(String webhookId) throws IOException, InterruptedException {
        return post(webhookId, Duration.ofSeconds(10));
    }

    private HttpResponse<String> post(String webhookId, Duration timeout) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(proxy.url()).timeout(timeout).header("webhook-id", webhookId)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
