package io.hookline.receiver.webhook;

import io.hookline.receiver.inbox.AcceptedWebhook;
import io.hookline.receiver.inbox.InboxPublisher;
import io.hookline.receiver.inbox.InboxUnavailableException;
import io.hookline.schemas.signing.SignatureVerifier;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.schemas.signing.WebhookVerificationException;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import io.hookline.support.logging.LogFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an order.paid webhook: verifies its signature, checks it against the contract, and hands it to
 * the inbox queue, returning only once Kafka has acknowledged it. Nothing else slow happens here; the real
 * work is the inbox worker's. Duplicates are accepted again and deduplicated by the worker.
 *
 * <p>Stateless and thread-safe: called concurrently from request threads.
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

    /**
     * @throws WebhookVerificationException if the request is not authentic or not fresh (403)
     * @throws MalformedWebhookJsonException if the signed body is not JSON (400)
     * @throws InvalidWebhookPayloadException if the body breaks the contract (422)
     * @throws InboxUnavailableException if the inbox queue did not acknowledge in time (503)
     */
    void accept(WebhookRequest request) throws WebhookVerificationException {
        verifier.verify(request.id(), request.timestamp(), request.signature(), request.body());
        JsonNode document = parse(request.body());
        List<SchemaViolation> violations = validator.validate(ContractSchema.ORDER_PAID_WEBHOOK, document);
        if (request.id().length() > MAX_ID_LENGTH) {
            violations = append(violations, new SchemaViolation(WebhookHeaders.ID,
                    "must be at most " + MAX_ID_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidWebhookPayloadException(violations);
        }
        String orderId = document.path("data").path("order_id").asString();
        try (LogFields fields = LogFields.of(orderId, request.id())) {
            inbox.publish(new AcceptedWebhook(request.id(), orderId, document.path("type").asString(),
                    new String(request.body(), StandardCharsets.UTF_8), clock.instant()));
            log.debug("Accepted webhook {} for order {}", request.id(), orderId);
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
