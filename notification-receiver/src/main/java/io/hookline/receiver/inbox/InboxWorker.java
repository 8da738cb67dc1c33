package io.hookline.receiver.inbox;

import io.hookline.receiver.notification.NewNotifications;
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
 * Processes one inbox record: records its notification once per {@code webhook-id} (with the body it came in),
 * due at once, and wakes the e-mail senders, which send it on their own threads. A redelivered record (or a
 * webhook the sender delivered twice) finds the row and has no second effect, across restarts too; a record
 * replayed from the dead-letter topic re-drives a parked ({@code failed}/{@code expired}) notification. Once this
 * returns the notification is durable, and the inbox record's offset may be committed: nothing here waits for SMTP.
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
    private final NewNotifications newNotifications;

    public InboxWorker(NotificationStore store, ContractValidator validator, JsonMapper json, Clock clock,
            NewNotifications newNotifications) {
        this.store = store;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.newNotifications = newNotifications;
    }

    /**
     * @return {@code true} if this call recorded the notification (or re-drove a parked one), {@code false} if it
     *     was there already
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
        if (store.recordIfAbsent(notification, message.body())) {
            log.info("Recorded notification {} for order {}", notification.eventId(), notification.orderId());
        } else if (store.redriveIfParked(notification.eventId(), clock.instant())) {
            log.info("Re-drove parked notification {} for order {}", notification.eventId(), notification.orderId());
        } else {
            log.info("Notification {} for order {} exists; nothing to do", notification.eventId(),
                    notification.orderId());
            return false;
        }
        newNotifications.signal();
        return true;
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
