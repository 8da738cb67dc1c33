package io.hookline.dispatcher.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dead-lettered record's headers as the index keeps them: a JSON array of {@code {"name", "value"}} in record
 * order, {@code value} being the UTF-8 text, or {@code {"name", "base64"}} for bytes that are not text (Spring
 * Kafka's binary {@code kafka_dlt-original-offset}, ...); a header without a value has neither. Exact both ways, so
 * a replay sends the headers it was given. Stateless.
 */
public final class HeaderCodec {

    /** Spring Kafka's dead-letter stack trace: never stored, never shown (DESIGN.md: no stack traces out). */
    static final String STACK_TRACE = io.hookline.schemas.events.DeadLetterHeaders.Spring.STACK_TRACE;

    private HeaderCodec() {
    }

    static String toJson(Headers headers, JsonMapper json) {
        ArrayNode array = json.createArrayNode();
        for (Header header : headers) {
            if (header.key().equals(STACK_TRACE)) {
                continue;
            }
            ObjectNode node = array.addObject().put("name", header.key());
            byte[] value = header.value();
            if (value != null) {
                String text = utf8(value);
                if (text != null) {
                    node.put("value", text);
                } else {
                    node.put("base64", Base64.getEncoder().encodeToString(value));
                }
            }
        }
        return json.writeValueAsString(array);
    }

    /** The stored headers, without those {@code dropped} names. */
    static Headers fromJson(String stored, JsonMapper json, Predicate<String> dropped) {
        RecordHeaders headers = new RecordHeaders();
        if (stored == null) {
            return headers;
        }
        for (JsonNode node : json.readTree(stored)) {
            String name = node.get("name").asString();
            if (dropped.test(name)) {
                continue;
            }
            JsonNode text = node.get("value");
            JsonNode base64 = node.get("base64");
            headers.add(name, text != null ? text.asString().getBytes(StandardCharsets.UTF_8)
                    : base64 != null ? Base64.getDecoder().decode(base64.asString()) : null);
        }
        return headers;
    }

    /** For the detail view: the stored array as it is. */
    public static List<JsonNode> view(String stored, JsonMapper json) {
        return stored == null ? List.of() : json.readTree(stored).valueStream().toList();
    }

    private static String utf8(byte[] value) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
