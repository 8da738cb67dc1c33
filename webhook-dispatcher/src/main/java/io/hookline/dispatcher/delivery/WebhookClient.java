package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.signing.RequestSigner;
import io.hookline.dispatcher.signing.SignatureHeaders;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Sends one signed webhook request to one endpoint. Non-blocking: the returned {@link Mono} never errors,
 * it completes with a {@link DeliveryResult} within the response timeout (the total budget of an attempt).
 * The request is signed when the Mono is subscribed, so a retry carries a fresh timestamp. Logs one INFO
 * line per attempt (event id, endpoint, status, latency), never the secret or the signature. Thread-safe.
 */
@Component
public class WebhookClient {

    /** Sent as {@code User-Agent} on every webhook request. */
    public static final String USER_AGENT = "hookline-dispatcher/0.1";

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);

    private final WebClient webClient;
    private final RequestSigner signer;
    private final Duration responseTimeout;

    public WebhookClient(WebClient webhookWebClient, RequestSigner signer, HttpProperties properties) {
        this.webClient = webhookWebClient;
        this.signer = signer;
        this.responseTimeout = properties.responseTimeout();
    }

    /** POSTs the body to the endpoint, signed with the endpoint's secret. */
    public Mono<DeliveryResult> deliver(Endpoint endpoint, UUID eventId, byte[] body) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            SignatureHeaders signature = signer.sign(eventId.toString(), body, List.of(endpoint.secret()));
            return webClient.post()
                    .uri(endpoint.url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.USER_AGENT, USER_AGENT)
                    .headers(signature::applyTo)
                    .bodyValue(body)
                    .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                    .timeout(responseTimeout)
                    .map(status -> DeliveryResult.answered(endpoint.name(), status, millisSince(started)))
                    .onErrorResume(error -> Mono.just(
                            DeliveryResult.failed(endpoint.name(), describe(error), millisSince(started))))
                    .doOnNext(result -> log(eventId, result));
        });
    }

    private static void log(UUID eventId, DeliveryResult result) {
        log.info("Delivery event={} endpoint={} status={} latency_ms={}", eventId, result.endpointName(),
                result.outcome(), result.latencyMs());
    }

    /** A short, stable description of why no response arrived; library messages are not echoed. */
    private String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return "timed out after " + responseTimeout.toMillis() + " ms";
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
