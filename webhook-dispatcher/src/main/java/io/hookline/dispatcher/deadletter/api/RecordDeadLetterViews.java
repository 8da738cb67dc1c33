package io.hookline.dispatcher.deadletter.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterState.Discard;
import io.hookline.dispatcher.deadletter.DeadLetterState.Replay;
import io.hookline.dispatcher.deadletter.DeadLetterState;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON answers of the {@code orders.events.dlt} and {@code notifications.inbox.dlt} APIs (snake_case). */
public final class RecordDeadLetterViews {

    private RecordDeadLetterViews() {
    }

    /**
     * A dead letter in a list and in the answers to replays and discards.
     *
     * @param key the record key (the order id)
     * @param originalTopic where the record was read before it was parked (from its headers), or {@code null}
     */
    record Summary(String id, String topic, int partition, long offset, String key, String eventId,
            String eventType, String reason, Instant deadLetteredAt, String originalTopic, Integer originalPartition,
            Long originalOffset, DeadLetterStatus status, String replayOf, Replay replay, Discard discard) {

        static Summary of(DeadLetter deadLetter) {
            DeadLetterEntry e = deadLetter.entry();
            DeadLetterState s = deadLetter.state();
            DeadLetterEntry.Origin o = e.origin();
            return new Summary(e.id(), e.topic(), e.partition(), e.offset(), e.orderId(), e.eventId(), e.eventType(),
                    e.reason(), e.deadLetteredAt(), o == null ? null : o.topic(), o == null ? null : o.partition(),
                    o == null ? null : o.offset(), s.status(), e.replayOf(), s.replay(), s.discard());
        }
    }

    /** One dead letter in full: the summary, the value as text and parsed (when JSON) and the headers. */
    record Detail(@JsonUnwrapped Summary summary, String value, JsonNode payload, List<JsonNode> headers, String replaysTo) {
    }

    record Page(List<Summary> data, boolean hasMore, String nextCursor, long matching) {
    }

    record Replayed(int queued, Summary deadLetter) {
    }
}
