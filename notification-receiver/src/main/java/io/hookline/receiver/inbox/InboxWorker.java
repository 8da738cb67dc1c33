package io.hookline.receiver.inbox;

import io.hookline.receiver.mail.ConfirmationDelivery;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStore;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import io.hookline.support.tracing.TraceHandoff;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes one inbox record: records its notification once per {@code webhook-id}, then has the
 * {@link ConfirmationDelivery} send the customer's confirmation e-mail unless it was sent already, so a
 * redelivered record (or a webhook the sender delivered twice) has no second effect, across restarts too.
 *
 * <p>Stateless and thread-safe; called on Kafka listener threads, but it knows nothing of Kafka.
 * Throws {@link PoisonInboxRecordException} for records that can never succeed; any other exception is
 * transient (e.g. the database is away) and worth retrying.
 */
@Service
public class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final NotificationStore store;
    private final ContractValidator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final ConfirmationDelivery delivery;

    InboxWorker(NotificationStore store, ContractValidator validator, JsonMapper json, Clock clock,
            ConfirmationDelivery delivery) {
        this.store = store;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.delivery = delivery;
    }

    /**
     * @return {@code true} if this call sent the confirmation e-mail, {@code false} if it had been sent already
     * @throws PoisonInboxRecordException if the record can never be processed
     * @throws RuntimeException (transient, e.g. SMTP or the database away) if it is worth retrying
     */
    public boolean process(InboxMessage message) {
        if (message.webhookId() == null || message.webhookId().isBlank()) {
            throw new PoisonInboxRecordException("inbox record has no " + InboxHeaders.WEBHOOK_ID + " header");
        }
        JsonNode data = validData(message).path("data");
        Notification notification = Notification.received(message.webhookId(), data.path("order_id").asString(),
                data.path("customer_email").asString(), data.path("product_name").asString(),
                data.path("quantity").asInt(), data.path("amount").asString(), data.path("currency").asString(),
                message.receivedAt(), clock.instant()).inTrace(TraceHandoff.traceIdOf(message.traceparent()));
        if (store.recordIfAbsent(notification)) {
            log.info("Recorded notification {} for order {}", notification.eventId(), notification.orderId());
        } else {
            log.info("Notification {} for order {} exists; checking its e-mail", notification.eventId(),
                    notification.orderId());
        }
        return delivery.deliverOnce(notification.eventId());
    }

    private JsonNode validData(InboxMessage message) {
        JsonNode document;
        try {
            document = message.body() == null ? null : json.readTree(message.body());
        } catch (JacksonException e) {
            document = null;
        }
        if (document == null || document.isMissingNode()) {
            throw new PoisonInboxRecordException("inbox record " + message.webhookId() + " is not JSON");
        }
        List<SchemaViolation> violations = validator.validate(ContractSchema.ORDER_PAID_WEBHOOK, document);
        if (!violations.isEmpty()) {
            throw new PoisonInboxRecordException("inbox record " + message.webhookId() + " breaks the "
                    + "order.paid webhook contract: " + violations.stream().map(SchemaViolation::toString)
                    .collect(Collectors.joining("; ")));
        }
        return document;
    }
}
