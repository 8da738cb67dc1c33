package io.hookline.dispatcher.deadletter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a dead letter stands: still {@code dead}, {@code replayed} (once, for good) or {@code discarded}. */
public enum DeadLetterStatus {
    DEAD, REPLAYED, DISCARDED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeadLetterStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.value().equals(text)).findFirst();
    }
}
