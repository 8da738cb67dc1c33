package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.hookline.dispatcher.egress.AddressPolicy;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.signing.RequestSigner;
import io.hookline.schemas.signing.SignatureVerifier;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.tracing.TraceHandoff;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

class WebhookClientTests {

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_aG9va2xpbmUtbG9jYWwtZGV2ZWxvcG1lbnQta2V5ISE=");
    private static final String BODY = "{\"type\":\"order.paid\"}";

    private final RecordingWebhookServer server = RecordingWebhookServer.start();
    /** Generous timeouts, so a cold JVM on a busy machine never turns a test of something else into a timeout. */
    private final WebhookClient client = client(new HttpProperties(Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(20)));

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void postsTheBodySignedWithTheStandardHeaders() throws Exception {
        UUID eventId = UUID.randomUUID();

        AttemptResult result = client.deliver(endpoint("/hook"), eventId.toString(), BODY).block();

        assertThat(result.delivered()).isTrue();
        assertThat(result.outcome()).isEqualTo("HTTP 200");
        RecordingWebhookServer.ReceivedRequest request = server.received("/hook", eventId).getFirst();
        assertThat(request.bodyText()).isEqualTo(BODY);
        assertThat(result.responseBody()).isEqualTo("status 200");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).isEqualTo("hookline-dispatcher/0.1");
        new SignatureVerifier(List.of(SECRET), Duration.ofMinutes(5), Clock.systemUTC()).verify(
                request.webhookId(), request.header("webhook-timestamp"), request.header("webhook-signature"),
                request.body());
    }

    @Test
    void sendsTheDeliverysTraceContextAsTraceparentAndNoneOutsideATrace() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        UUID traced = UUID.randomUUID();
        UUID untraced = UUID.randomUUID();

        client.deliver(endpoint("/hook"), DeliveryRecord.first("dlv_1", traced.toString(), "order.paid", "hook",
                "ord_1", BODY).inTrace(traceparent)).block();
        client.deliver(endpoint("/hook"), untraced.toString(), BODY).block();

        assertThat(server.received("/hook", traced).getFirst().header("traceparent")).isEqualTo(traceparent);
        assertThat(server.received("/hook", untraced).getFirst().header("traceparent")).isNull();
    }

    @Test
    void signsWithEverySecretInForceWhileARotationOverlaps() throws Exception {
        WebhookSecret next = WebhookSecret.parse("whsec_bmV4dC1zZWNyZXQta2V5LWZvci10ZXN0cyEhIQ==");
        Endpoint rotating = new Endpoint("rotating", URI.create(server.url("/hook")), List.of(next, SECRET), Set.of(),
                true);
        UUID eventId = UUID.randomUUID();

        client.deliver(rotating, eventId.toString(), BODY).block();

        RecordingWebhookServer.ReceivedRequest request = server.received("/hook", eventId).getFirst();
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2).allMatch(sig -> sig.startsWith("v1,"));
        new Webhook(SECRET.encoded()).verify(request.bodyText(), request.headerLists());
        new Webhook(next.encoded()).verify(request.bodyText(), request.headerLists());
    }

    @Test
    void readsRetryAfterOnA503() {
        UUID eventId = UUID.randomUUID();
        server.answer("/hook", eventId, 503);
        server.retryAfter("/hook", eventId, "120");

        AttemptResult result = client.deliver(endpoint("/hook"), eventId.toString(), BODY).block();

        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(result.responseBody()).isEqualTo("status 503");
    }

    @Test
    void countsANon2xxAnswerAsAFailedAttempt() {
        UUID eventId = UUID.randomUUID();
        server.answer("/hook", eventId, 503);

        AttemptResult result = client.deliver(endpoint("/hook"), eventId.toString(), BODY).block();

        assertThat(result.delivered()).isFalse();
        assertThat(result.outcome()).isEqualTo("HTTP 503");
    }

    @Test
    void reportsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Endpoint nobody = new Endpoint("nobody", URI.create("http://localhost:" + closedPort + "/hook"), SECRET, Set.of());

        AttemptResult result = client.deliver(nobody, UUID.randomUUID().toString(), BODY).block();

        assertThat(result.delivered()).isFalse();
        assertThat(result.outcome()).isEqualTo("connection refused");
    }

    @Test
    void givesUpOnASlowEndpointWithinTheResponseTimeout() {
        WebhookClient impatient = client(new HttpProperties(Duration.ofMillis(500), Duration.ofMillis(700),
                Duration.ofMillis(700)));

        AttemptResult result = impatient.deliver(endpoint("/slow"), UUID.randomUUID().toString(), BODY)
                .block(Duration.ofSeconds(30));

        assertThat(result.delivered()).isFalse();
        assertThat(result.outcome()).isEqualTo("timed out after 700 ms");
        // Not before the timeout; /slow never answers while the server is up.
        assertThat(result.latencyMs()).isGreaterThanOrEqualTo(600L);
    }

    private static WebhookClient client(HttpProperties http) {
        return new WebhookClient(DeliveryConfiguration.webClient(http, ConnectionProvider.create("test", 16),
                new AddressPolicy(true, List.of()), null),
                new RequestSigner(Clock.systemUTC()), http, Clock.systemUTC(),
                new TraceHandoff(Tracer.NOOP, Propagator.NOOP));
    }

    private Endpoint endpoint(String path) {
        return new Endpoint("test", URI.create(server.url(path)), SECRET, Set.of());
    }
}
