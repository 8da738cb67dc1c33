package io.hookline.receiver.inbox;

import io.hookline.receiver.notification.HandledEvent;
import io.hookline.receiver.notification.NewNotifications;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStore;
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
 * Processes one inbox record: records its notification once per {@code webhook-id} (with the body it came in and
 * its event type), due at once when the type gets an e-mail ({@link HandledEvent}), and wakes the e-mail senders,
 * which send it on their own threads. A redelivered record (or a webhook the sender delivered twice) finds the row
 * and has no second effect, across restarts too; a record replayed from the dead-letter topic re-drives a parked
 * ({@code failed}/{@code expired}) notification. Once this returns the notification is durable, and the inbox
 * record's offset may be committed: nothing here waits for SMTP.
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
        JsonNode document = document(message);
        HandledEvent event = handledEvent(message, document);
        JsonNode data = document.path("data");
        Notification notification = Notification.received(event, message.webhookId(),
                data.path("order_id").asString(), data.path("customer_email").asString(),
                data.path("product_name").asString(), data.path("quantity").asInt(),
                data.path(event.amountField()).asString(), data.path("currency").asString(), message.receivedAt(),
                clock.instant()).inTrace(TraceHandoff.traceIdOf(message.traceparent()));
        if (store.recordIfAbsent(notification, message.body())) {
            log.info("Recorded {} notification {} for order {}", event.type(), notification.eventId(),
                    notification.orderId());
        } else if (store.redriveIfParked(notification.eventId(), clock.instant())) {
            log.info("Re-drove parked notification {} for order {}", notification.eventId(), notification.orderId());
        } else {
            log.info("Notification {} for order {} exists; nothing to do", notification.eventId(),
                    notification.orderId());
            return false;
        }
        if (event.sendsEmail()) {
            newNotifications.signal();
        }
        return true;
    }

    private JsonNode document(InboxMessage message) {
        JsonNode document;
        try {
            document = message.body() == null ? null : json.readTree(message.body());
        } catch (JacksonException e) {
            document = null;
        }
        if (document == null || document.isMissingNode()) {
            throw new PoisonInboxRecordException("inbox record " + message.webhookId() + " is not JSON");
        }
        return document;
    }

    /** The record's event type, checked against its webhook contract (tolerant, as the intake checked it). */
    private HandledEvent handledEvent(InboxMessage message, JsonNode document) {
        String type = document.path("type").isString() ? document.path("type").asString() : null;
        HandledEvent event = HandledEvent.of(type).orElseThrow(() -> new PoisonInboxRecordException(
                "inbox record " + message.webhookId() + " has no event type this receiver handles: " + type));
        List<SchemaViolation> violations = validator.validate(event.webhookSchema(), document);
        if (!violations.isEmpty()) {
            throw new PoisonInboxRecordException("inbox record " + message.webhookId() + " breaks the "
                    + event.type() + " webhook contract: " + violations.stream().map(SchemaViolation::toString)
                    .collect(Collectors.joining("; ")));
        }
        return event;
    }
}
