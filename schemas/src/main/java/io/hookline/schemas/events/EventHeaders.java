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

    /**
     * The W3C trace context ({@code 00-<trace id>-<span id>-<flags>}) of the request the event came from; the
     * same name as the HTTP header, so one order can be followed across every service.
     */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
