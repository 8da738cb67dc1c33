package io.hookline.dispatcher.delivery;

import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the engine produces when it delivers a replay ({@link DeliveryRecord#replayOf()} set): the record that
 * tells the dead-letter index the replay succeeded. The engine produces it durably before the offset of the
 * delivered record may commit. (A replay that fails again needs nothing here: its new dead letter carries
 * {@code replay_of}.) Implementations are thread-safe.
 */
public interface ReplayOutcomes {

    ProducerRecord<String, String> delivered(DeliveryRecord replay, Instant deliveredAt);
}
