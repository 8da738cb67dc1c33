package io.hookline.dispatcher.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * What operators did with a dead letter and what came of it.
 *
 * @param replay {@code null} unless replayed
 * @param discard {@code null} unless discarded (kept when a discarded dead letter is replayed later)
 */
public record DeadLetterState(DeadLetterStatus status, Replay replay, Discard discard) {

    public static final DeadLetterState DEAD = new DeadLetterState(DeadLetterStatus.DEAD, null, null);

    public enum Outcome {
        PENDING, DELIVERED, FAILED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome parse(String text) {
            return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A replay: when it was queued and by whom ({@code null} when only its outcome is known, see
     * docs/dead-letters.md), its outcome, and when it was delivered or which dead letter it became.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Replay(Instant queuedAt, String by, Outcome outcome, Instant deliveredAt, String deadLetterId) {
    }

    public record Discard(Instant at, String by, String reason) {
    }
}
