package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.hookline.dispatcher.egress.AddressPolicy;
import io.hookline.dispatcher.egress.Cidr;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://localhost:{port}/guarded        | address 127.0.0.1 of localhost is loopback: refused
            http://127.0.0.1:{port}/guarded        | address 127.0.0.1 is loopback: refused
            http://[::1]:{port}/guarded            | is loopback: refused
            http://[::ffff:127.0.0.1]:{port}/guarded | address 0:0:0:0:0:ffff:7f00:1 is IPv4-mapped: refused
            http://[::127.0.0.1]:{port}/guarded    | is IPv4-mapped: refused
            http://[::a9fe:a9fe]:{port}/guarded    | is IPv4-compatible: refused
            http://[64:ff9b::a9fe:a9fe]:{port}/guarded | is NAT64 of 169.254.169.254 (link-local): refused
            http://[2002:a00:1::1]:{port}/guarded  | is 6to4 of 10.0.0.1 (private): refused
            http://[fd00::1]:{port}/guarded        | is unique-local: refused
            http://169.254.169.254:{port}/guarded  | address 169.254.169.254 is link-local: refused
            """)
    void refusesANonPublicAddressAtConnectTimeWithoutConnecting(String url, String reason) {
        WebhookClient guarded = client(new HttpProperties(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(20)), new AddressPolicy(false, List.of()));
        String target = url.replace("{port}", Integer.toString(URI.create(server.url("/")).getPort()));
        UUID eventId = UUID.randomUUID();

        AttemptResult result = guarded.deliver(new Endpoint("test", URI.create(target), SECRET, Set.of()),
                eventId.toString(), BODY).block(Duration.ofSeconds(30));

        assertThat(result.delivered()).isFalse();
        assertThat(result.status()).isZero();
        assertThat(result.outcome()).endsWith(reason).startsWith("address ");
        assertThat(result.retriable()).isFalse();
        assertThat(server.received("/guarded", eventId)).isEmpty();
    }

    @Test
    void connectsToAnAllowListedAddress() {
        WebhookClient guarded = client(new HttpProperties(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(20)), new AddressPolicy(false, List.of(Cidr.parse("127.0.0.1/32"))));
        UUID eventId = UUID.randomUUID();

        AttemptResult result = guarded.deliver(new Endpoint("test", URI.create(server.url("/allowed")
                .replace("localhost", "127.0.0.1")), SECRET, Set.of()), eventId.toString(), BODY)
                .block(Duration.ofSeconds(30));

        assertThat(result.delivered()).isTrue();
        assertThat(server.received("/allowed", eventId)).hasSize(1);
    }

    @Test
    void connectsToAConfiguredEndpointsHostAndPortUnchecked() {
        int port = URI.create(server.url("/")).getPort();
        WebhookClient guarded = client(new HttpProperties(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(20)), new AddressPolicy(false, List.of(), Set.of("localhost:" + port)));
        UUID eventId = UUID.randomUUID();

        AttemptResult trusted = guarded.deliver(endpoint("/configured"), eventId.toString(), BODY)
                .block(Duration.ofSeconds(30));
        AttemptResult otherName = guarded.deliver(new Endpoint("test", URI.create("http://127.0.0.1:" + port
                + "/configured"), SECRET, Set.of()), eventId.toString(), BODY).block(Duration.ofSeconds(30));

        assertThat(trusted.delivered()).isTrue();
        assertThat(otherName.outcome()).isEqualTo("address 127.0.0.1 is loopback: refused");
        assertThat(server.received("/configured", eventId)).hasSize(1);
    }

    private static WebhookClient client(HttpProperties http) {
        return client(http, new AddressPolicy(true, List.of()));
    }

    private static WebhookClient client(HttpProperties http, AddressPolicy addresses) {
        return new WebhookClient(DeliveryConfiguration.webClient(http, ConnectionProvider.create("test", 16),
                addresses, null),
                new RequestSigner(Clock.systemUTC()), http, Clock.systemUTC(),
                new TraceHandoff(Tracer.NOOP, Propagator.NOOP));
    }

    private Endpoint endpoint(String path) {
        return new Endpoint("test", URI.create(server.url(path)), SECRET, Set.of());
    }
}
