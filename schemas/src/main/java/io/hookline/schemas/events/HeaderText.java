package io.hookline.schemas.events;

import java.nio.charset.StandardCharsets;

/**
 * The one encoding of record header values on every topic of the platform: UTF-8 text (numbers in decimal, times
 * in RFC 3339), so any Kafka tool shows them. Works on a header's bytes, so it needs no Kafka client: read with
 * {@code HeaderText.decode(header.value())}, write with {@code headers.add(name, HeaderText.encode(value))}.
 * Stateless.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /** The bytes of {@code value}'s text, or {@code null} for {@code null}. */
    public static byte[] encode(Object value) {
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a header's bytes, or {@code null} for {@code null} (no header, or one without a value). */
    public static String decode(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
