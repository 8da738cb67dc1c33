package io.hookline.dispatcher.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque position of a list page: the last dead letter shown (time and id, the list's sort key). Encoded as
 * URL-safe base64 so that clients treat it as a token.
 */
public record DeadLetterCursor(Instant deadLetteredAt, String id) {

    public String encode() {
        String text = deadLetteredAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<DeadLetterCursor> decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0 || !text.startsWith("dl", bar + 1)) {
                return Optional.empty();
            }
            return Optional.of(new DeadLetterCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
