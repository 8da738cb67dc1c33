package io.hookline.dispatcher.operations;

import io.hookline.dispatcher.delivery.AttemptResult;
import io.hookline.dispatcher.delivery.WebhookClient;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.schemas.signing.WebhookSecret;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * POSTs operational events to the operators' webhook ({@code hookline.dispatcher.operations.webhook-url}), signed the
 * Standard Webhooks way with {@code webhook-secret} through the same {@link WebhookClient} (and request signer) as
 * every delivery: {@code webhook-id} = the event id. Anything but a 2xx is tried again after
 * {@code webhook-backoff}, doubling, up to {@code webhook-attempts} in all; then the event is given up on with a
 * warning (it is on the Kafka topic regardless). Non-blocking: {@link #send} returns at once. Thread-safe.
 */
@Component
class OperatorWebhook {

    private static final Logger log = LoggerFactory.getLogger(OperatorWebhook.class);

    /** A non-2xx answer or no answer; retried. */
    private static final class NotDelivered extends RuntimeException {

        NotDelivered(AttemptResult result) {
            super(result.outcome(), null, false, false);
        }
    }

    private final WebhookClient client;
    private final OperationsProperties properties;
    private final Endpoint endpoint;

    OperatorWebhook(WebhookClient client, OperationsProperties properties) {
        this.client = client;
        this.properties = properties;
        this.endpoint = properties.webhookConfigured() ? new Endpoint("operator-webhook",
                URI.create(properties.webhookUrl().trim()), WebhookSecret.parse(properties.webhookSecret()), Set.of())
                : null;
    }

    /** Sends the body signed with {@code webhook-id} = {@code eventId}; does nothing without a configured URL. */
    void send(String eventId, String type, String body) {
        if (endpoint == null) {
            return;
        }
        client.deliver(endpoint, eventId, body)
                .flatMap(result -> result.delivered() ? Mono.just(result) : Mono.error(new NotDelivered(result)))
                .retryWhen(Retry.backoff(properties.webhookAttempts() - 1L, properties.webhookBackoff())
                        .jitter(0).filter(NotDelivered.class::isInstance))
                .subscribe(
                        result -> log.info("Operator webhook took {} {} (HTTP {})", type, eventId, result.status()),
                        error -> log.warn("Operator webhook did not take {} {} after {} attempt(s): {}", type, eventId,
                                properties.webhookAttempts(), rootMessage(error)));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error.getCause() == null ? error : error.getCause();
        return cause.getMessage();
    }
}
