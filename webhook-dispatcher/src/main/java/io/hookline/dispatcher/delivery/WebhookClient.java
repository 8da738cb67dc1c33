package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.egress.RefusedAddressException;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.signing.RequestSigner;
import io.hookline.dispatcher.signing.SignatureHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.support.logging.LogFields;
import io.hookline.support.tracing.TraceHandoff;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Sends one signed webhook request to one endpoint. Non-blocking: the returned {@link Mono} never errors,
 * it completes with an {@link AttemptResult} within the attempt's budget ({@link HttpProperties#budget}: the
 * first-attempt timeout for a delivery's first attempt, the response timeout for its retries).
 * The request is signed when the Mono is subscribed, with every secret the endpoint has in force, so a retry
 * carries a fresh timestamp. The request carries the delivery's trace as {@code traceparent} (a child span per
 * attempt), so the receiver continues the order's trace. An attempt stopped before connecting because the host
 * resolved to a refused address completes with that reason ({@code address 10.0.0.5 of example.test is private:
 * refused}) and is not retriable. Logs one DEBUG line per attempt (with {@code order_id},
 * {@code event_id} and {@code traceId}), never the secret or the signature. Thread-safe.
 */
@Component
public class WebhookClient {

    /** Sent as {@code User-Agent} on every webhook request. */
    public static final String USER_AGENT = "hookline-dispatcher/0.1";
    /** Response bodies are kept up to this many characters in the attempt log. */
    static final int MAX_RESPONSE_BODY = 1000;

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);

    private final WebClient webClient;
    private final RequestSigner signer;
    private final HttpProperties http;
    private final Clock clock;
    private final TraceHandoff traces;

    public WebhookClient(WebClient webhookWebClient, RequestSigner signer, HttpProperties properties, Clock clock,
            TraceHandoff traces) {
        this.traces = traces;
        this.webClient = webhookWebClient;
        this.signer = signer;
        this.http = properties;
        this.clock = clock;
    }

    /** POSTs the delivery's body to the endpoint, signed with the endpoint's secrets, in the delivery's trace. */
    public Mono<AttemptResult> deliver(Endpoint endpoint, DeliveryRecord delivery) {
        return deliver(endpoint, delivery.eventId(), delivery.body(), delivery.key(), delivery.traceparent(),
                delivery.eventVersion(), http.budget(delivery.attempts()));
    }

    /** POSTs a body to the endpoint, signed with the endpoint's secrets, outside any trace. */
    public Mono<AttemptResult> deliver(Endpoint endpoint, String eventId, String body) {
        return deliver(endpoint, eventId, body, null, null, null, http.responseTimeout());
    }

    private Mono<AttemptResult> deliver(Endpoint endpoint, String eventId, String body, String orderId,
            String traceparent, String eventVersion, Duration budget) {
        return Mono.defer(() -> {
            Instant attemptedAt = clock.instant();
            long started = System.nanoTime();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            SignatureHeaders signature = signer.sign(eventId, bytes, endpoint.secrets());
            TraceHandoff.Child trace = traces.child(traceparent, "webhook attempt");
            return webClient.post()
                    .uri(endpoint.url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.USER_AGENT, USER_AGENT)
                    .headers(signature::applyTo)
                    .headers(headers -> {
                        if (trace.traceparent() != null) {
                            headers.set(TraceHandoff.TRACEPARENT, trace.traceparent());
                        }
                        if (eventVersion != null) {
                            headers.set(WebhookHeaders.EVENT_VERSION, eventVersion);
                        }
                    })
                    .bodyValue(bytes)
                    .exchangeToMono(response -> answered(response, attemptedAt, started))
                    .timeout(budget)
                    .onErrorResume(error -> Mono.just(new AttemptResult(attemptedAt, 0, describe(error, budget),
                            millisSince(started), null, null, refused(error) == null)))
                    .doOnNext(result -> {
                        if (!log.isDebugEnabled()) {
                            return;
                        }
                        try (LogFields fields = LogFields.of(orderId, eventId, trace.traceparent())) {
                            log.debug("Delivery event={} endpoint={} status={} latency_ms={}", eventId,
                                    endpoint.id(), result.outcome(), result.latencyMs());
                        }
                    })
                    .doFinally(signal -> trace.end());
        });
    }

    private Mono<AttemptResult> answered(ClientResponse response, Instant attemptedAt, long started) {
        int status = response.statusCode().value();
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock)
                : null;
        return truncatedBody(response)
                .map(body -> new AttemptResult(attemptedAt, status, null, millisSince(started),
                        body.isEmpty() ? null : body, retryAfter));
    }

    /** Reads at most {@link #MAX_RESPONSE_BODY} bytes' worth of text and releases the rest unread. */
    private static Mono<String> truncatedBody(ClientResponse response) {
        StringBuilder text = new StringBuilder();
        return response.bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    try {
                        int room = MAX_RESPONSE_BODY - text.length();
                        if (room > 0) {
                            byte[] bytes = new byte[Math.min(room, buffer.readableByteCount())];
                            buffer.read(bytes);
                            text.append(new String(bytes, StandardCharsets.UTF_8));
                        }
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .then(Mono.fromSupplier(text::toString));
    }

    /** The refusal of the connect-time address check behind {@code error}, or {@code null}. */
    private static RefusedAddressException refused(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) {
                return refused;
            }
        }
        return null;
    }

    /** A short, stable description of why no response arrived; library messages are not echoed. */
    private static String describe(Throwable error, Duration budget) {
        RefusedAddressException refused = refused(error);
        if (refused != null) {
            return refused.getMessage();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return "timed out after " + budget.toMillis() + " ms";
            }
            if (cause instanceof io.netty.channel.ConnectTimeoutException) {
                return "connect timed out";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof SSLException) {
                return "TLS handshake failed";
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "request failed (" + root.getClass().getSimpleName() + ")";
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
