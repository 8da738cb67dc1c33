package io.hookline.receiver.webhook;

import io.hookline.receiver.inbox.AcceptedWebhook;
import io.hookline.receiver.inbox.InboxPublisher;
import io.hookline.receiver.inbox.InboxUnavailableException;
import io.hookline.receiver.notification.HandledEvent;
import io.hookline.schemas.signing.SignatureVerifier;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.schemas.signing.WebhookVerificationException;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import io.hookline.support.logging.LogFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an order webhook: verifies its signature, checks it against the contract of its event type (tolerant:
 * unknown fields are ignored), and hands it to the inbox queue: the returned future completes once Kafka has
 * acknowledged it, and no thread waits for that meanwhile.
 * A signed webhook of a type this receiver does not act on is acknowledged and dropped ({@link Outcome#IGNORED}),
 * so a new event type never makes the sender retry. Nothing else slow happens here; the real work is the inbox
 * worker's. Duplicates are accepted again and deduplicated by the worker.
 *
 * <p>Stateless and thread-safe: called concurrently from request threads. Verification and validation happen on the
 * caller's thread and fail by throwing; only the hand-off fails through the future.
 */
@Service
class WebhookIntake {

    /** The largest {@code webhook-id} kept (the notification table's key column). */
    static final int MAX_ID_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final SignatureVerifier verifier;
    private final ContractValidator validator;
    private final JsonMapper json;
    private final InboxPublisher inbox;
    private final Clock clock;

    WebhookIntake(SignatureVerifier verifier, ContractValidator validator, JsonMapper json, InboxPublisher inbox,
            Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.json = json;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** What became of an authentic, valid webhook. */
    enum Outcome {
        /** Queued on the inbox: {@code event_received}. */
        RECEIVED,
        /** A type this receiver does not act on: {@code event_ignored}, nothing queued. */
        IGNORED
    }

    /**
     * Accepts a webhook of any order event type this receiver handles ({@code POST /webhooks/orders}).
     *
     * @throws WebhookVerificationException if the request is not authentic or not fresh (403)
     * @throws MalformedWebhookJsonException if the signed body is not JSON (400)
     * @throws InvalidWebhookPayloadException if the body has no type or breaks its type's contract (422)
     * @return completes with the outcome once it is safe; fails with {@link InboxUnavailableException} if the inbox
     *     queue did not acknowledge in time (503)
     */
    CompletableFuture<Outcome> accept(WebhookRequest request) throws WebhookVerificationException {
        verifier.verify(request.id(), request.timestamp(), request.signature(), request.body());
        JsonNode document = parse(request.body());
        JsonNode type = document.path("type");
        if (!type.isString()) {
            throw new InvalidWebhookPayloadException(List.of(new SchemaViolation("type", "must be a string")));
        }
        Optional<HandledEvent> event = HandledEvent.of(type.asString());
        if (event.isEmpty()) {
            log.debug("Ignoring webhook {} of type {}: not an event this receiver acts on", request.id(),
                    type.asString());
            return CompletableFuture.completedFuture(Outcome.IGNORED);
        }
        return queue(request, document, event.get());
    }

    /**
     * Accepts a webhook that must be of one type ({@code POST /webhooks/order-paid}): any other type breaks the
     * contract (422).
     *
     * @throws WebhookVerificationException if the request is not authentic or not fresh (403)
     * @throws MalformedWebhookJsonException if the signed body is not JSON (400)
     * @throws InvalidWebhookPayloadException if the body breaks the contract (422)
     * @return completes once it is safe; fails with {@link InboxUnavailableException} if the inbox queue did not
     *     acknowledge in time (503)
     */
    CompletableFuture<Outcome> accept(WebhookRequest request, HandledEvent only) throws WebhookVerificationException {
        verifier.verify(request.id(), request.timestamp(), request.signature(), request.body());
        return queue(request, parse(request.body()), only);
    }

    private CompletableFuture<Outcome> queue(WebhookRequest request, JsonNode document, HandledEvent event) {
        List<SchemaViolation> violations = validator.validate(event.webhookSchema(), document);
        if (request.id().length() > MAX_ID_LENGTH) {
            violations = append(violations, new SchemaViolation(WebhookHeaders.ID,
                    "must be at most " + MAX_ID_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidWebhookPayloadException(violations);
        }
        String orderId = document.path("data").path("order_id").asString();
        try (LogFields fields = LogFields.of(orderId, request.id())) {
            return inbox.publish(new AcceptedWebhook(request.id(), orderId, event.type(),
                    new String(request.body(), StandardCharsets.UTF_8), clock.instant())).thenApply(acknowledged -> {
                        log.debug("Accepted {} webhook {} for order {}", event.type(), request.id(), orderId);
                        return Outcome.RECEIVED;
                    });
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (document == null || document.isMissingNode()) {
                throw new MalformedWebhookJsonException();
            }
            return document;
        } catch (JacksonException e) {
            throw new MalformedWebhookJsonException();
        }
    }

    private static List<SchemaViolation> append(List<SchemaViolation> violations, SchemaViolation extra) {
        return Stream.concat(violations.stream(), Stream.of(extra)).toList();
    }
}
