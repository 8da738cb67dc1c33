package io.hookline.dispatcher.deadletter;

import io.hookline.dispatcher.delivery.DeliveryRecord;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.ReplayOutcomes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records of the actions topic: {@code {"action", "dead_letter_id", "at", "by", "reason"?}}, key = the
 * dead-letter id (so one dead letter's actions keep their order). Written and read here only; field names are
 * spelt out rather than left to the application's naming strategy. Thread-safe.
 */
@Component
public class DeadLetterActions implements ReplayOutcomes {

    private final JsonMapper json;
    private final String topic;

    DeadLetterActions(JsonMapper json, DeliveryTopicsProperties topics) {
        this.json = json;
        this.topic = topics.deadLetterActions();
    }

    public String topic() {
        return topic;
    }

    public ProducerRecord<String, String> record(DeadLetterAction action) {
        ObjectNode node = json.createObjectNode();
        node.put("action", action.action());
        node.put("dead_letter_id", action.deadLetterId());
        node.put("at", action.at().toString());
        node.put("by", action.by());
        if (action.reason() != null) {
            node.put("reason", action.reason());
        }
        return new ProducerRecord<>(topic, action.deadLetterId(), json.writeValueAsString(node));
    }

    /** The action in a record's value, or empty when it is not one (it is then skipped, with a warning). */
    public Optional<DeadLetterAction> parse(String value) {
        try {
            JsonNode node = json.readTree(value);
            String action = text(node, "action");
            String id = text(node, "dead_letter_id");
            String at = text(node, "at");
            if (action == null || id == null || at == null || !known(action)) {
                return Optional.empty();
            }
            return Optional.of(new DeadLetterAction(action, id, Instant.parse(at), text(node, "by"),
                    text(node, "reason")));
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public ProducerRecord<String, String> delivered(DeliveryRecord replay, Instant deliveredAt) {
        return record(new DeadLetterAction(DeadLetterAction.REPLAY_DELIVERED, replay.replayOf(),
                deliveredAt.truncatedTo(ChronoUnit.MICROS), DeadLetterAction.DISPATCHER, null));
    }

    private static boolean known(String action) {
        return action.equals(DeadLetterAction.REPLAYED) || action.equals(DeadLetterAction.DISCARDED)
                || action.equals(DeadLetterAction.REPLAY_DELIVERED);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
