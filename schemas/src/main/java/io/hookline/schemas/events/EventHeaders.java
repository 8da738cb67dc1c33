package io.hookline.schemas.events;

/**
 * Kafka record headers that travel beside the JSON value, so tools and consumers can route without
 * parsing the body. Values are UTF-8 strings.
 */
public final class EventHeaders {

    /** The envelope's {@code id}. */
    public static final String EVENT_ID = "event_id";

    /** The envelope's {@code type}. */
    public static final String EVENT_TYPE = "event_type";

    private EventHeaders() {
    }
}
