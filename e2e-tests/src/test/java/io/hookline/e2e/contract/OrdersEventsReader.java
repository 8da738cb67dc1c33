package io.hookline.e2e.contract;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.SchemaViolation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a Kafka consumer of its own reads {@code orders.events} with nothing but kafka-clients, Jackson and the
 * {@code schemas} module (docs/event-contracts.md): the record headers say the type and version, the event-type
 * catalog says whether this reader knows them, and the tolerant validator checks the envelope and its payload
 * while accepting fields added since. Types or versions it does not know are skipped, not failed. Offsets are
 * committed after each batch is handled (at least once: handle events idempotently on their {@code id}). Not
 * thread-safe, like the {@link KafkaConsumer} it wraps.
 */
public final class OrdersEventsReader implements AutoCloseable {

    /** One event this reader understood. */
    public record OrderEvent(String orderId, String type, int version, JsonNode envelope) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final ContractValidator validator = ContractValidator.tolerant();
    private final EventCatalog catalog = EventCatalog.platform();
    private final JsonMapper json = JsonMapper.builder().build();

    public OrdersEventsReader(String bootstrapServers, String groupId, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** The events of one poll that this reader knows and that match their contract; then commits the batch. */
    public List<OrderEvent> poll(Duration timeout) {
        List<OrderEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            read(record).ifPresent(events::add);
        }
        consumer.commitSync();
        return events;
    }

    private Optional<OrderEvent> read(ConsumerRecord<String, String> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        String version = header(record, EventHeaders.EVENT_VERSION);
        Optional<EventTypeDefinition> known = type == null ? Optional.empty() : catalog.find(type, version(version));
        if (known.isEmpty() || record.value() == null) {
            return Optional.empty(); // a type or version this reader does not know: not its business
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(record.value());
        } catch (JacksonException e) {
            return Optional.empty(); // not JSON: the producer's bug, never this reader's loop
        }
        List<SchemaViolation> violations = validator.validate(ContractSchema.EVENT_ENVELOPE, envelope);
        if (!violations.isEmpty()) {
            return Optional.empty(); // off the contract: park it somewhere in a real consumer
        }
        return Optional.of(new OrderEvent(record.key(), type, known.get().version(), envelope));
    }

    /** The {@code event_version} header: absent means 1; unreadable means no version this reader knows. */
    private static int version(String header) {
        try {
            return header == null ? 1 : Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
