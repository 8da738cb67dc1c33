package io.hookline.dispatcher.deadletter;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.fanout.FanOutProperties;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.events.HeaderText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter topics the index reads: the deliveries' ({@link DeadLetterEntry#from}) and the two whose records
 * are not deliveries ({@link RecordSource}): {@code orders.events.dlt} (the fan-out's poison, with
 * {@code dlt_reason} and {@code dlt_original_*} headers) and {@code notifications.inbox.dlt} (the receiver's parked
 * records, with Spring Kafka's {@code kafka_dlt-*} headers). Builds their index entries and their replays.
 * Thread-safe.
 */
@Component
public class DeadLetterSources {

    private final String deliveries;
    private final RecordSource events;
    private final RecordSource inbox;
    private final JsonMapper json;
    private final Set<String> eventSources;

    DeadLetterSources(DeliveryTopicsProperties topics, DeadLetterProperties properties, JsonMapper json,
            FanOutProperties fanOut) {
        this.eventSources = fanOut.topics(topics);
        this.deliveries = topics.deliveriesDeadLetter();
        this.events = new RecordSource("events", "dle_", topics.eventsDeadLetter(), topics.events());
        this.inbox = new RecordSource("inbox", "dli_", properties.inboxDeadLetterTopic(), properties.inboxTopic());
        this.json = json;
    }

    /** Every dead-letter topic the index reads. */
    public List<String> deadLetterTopics() {
        return List.of(deliveries, events.deadLetterTopic(), inbox.deadLetterTopic());
    }

    public String deliveries() {
        return deliveries;
    }

    public RecordSource events() {
        return events;
    }

    public RecordSource inbox() {
        return inbox;
    }

    public Optional<RecordSource> recordSource(String deadLetterTopic) {
        return List.of(events, inbox).stream().filter(s -> s.deadLetterTopic().equals(deadLetterTopic)).findFirst();
    }

    /** A record of any dead-letter topic as the index keeps it. */
    public DeadLetterEntry entry(ConsumerRecord<String, String> record) {
        return recordSource(record.topic()).map(source -> entry(source, record))
                .orElseGet(() -> DeadLetterEntry.from(record));
    }

    private DeadLetterEntry entry(RecordSource source, ConsumerRecord<String, String> record) {
        Headers h = record.headers();
        DeadLetterHeaders.DeadLettering dead = DeadLetterEntry.deadLettering(h);
        return new DeadLetterEntry(source.id(record.partition(), record.offset()), record.topic(),
                record.partition(), record.offset(), null, DeadLetterEntry.text(h, DeliveryHeaders.EVENT_ID),
                DeadLetterEntry.text(h, DeliveryHeaders.EVENT_TYPE), null, null, null, record.key(), null, null,
                null, null, null, dead.reason(), Instant.ofEpochMilli(record.timestamp()), record.value(),
                DeadLetterEntry.text(h, DeliveryHeaders.REPLAY_OF),
                new DeadLetterEntry.Origin(dead.originalTopic(), dead.originalPartition(), dead.originalOffset(),
                        HeaderCodec.toJson(h, json)), null, null);
    }

    /**
     * The record a replay puts back on the source topic: the same key, value and headers, without the headers the
     * dead-lettering added ({@code dlt_*}, {@code kafka_dlt-*}) and with {@code replay_of} = this dead letter.
     */
    public ProducerRecord<String, String> replay(RecordSource source, DeadLetterEntry entry) {
        Headers headers = HeaderCodec.fromJson(entry.origin() == null ? null : entry.origin().headers(), json,
                name -> DeadLetterHeaders.addedByDeadLettering(name) || name.equals(DeliveryHeaders.REPLAY_OF));
        headers.add(DeliveryHeaders.REPLAY_OF, HeaderText.encode(entry.id()));
        return new ProducerRecord<>(target(source, entry), null, entry.orderId(), entry.body(), headers);
    }

    /**
     * Where a replay goes: the topic the record was read from when that is one of the fan-out's sources (a poison
     * event of another source goes back to that source), else the source's usual topic.
     */
    public String target(RecordSource source, DeadLetterEntry entry) {
        String original = entry.origin() == null ? null : entry.origin().topic();
        return source == events && original != null && eventSources.contains(original) ? original
                : source.sourceTopic();
    }
}
