package io.hookline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the value asks for, or {@code null} when absent, malformed or in the past. */
    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isPositive() ? wait : null;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
