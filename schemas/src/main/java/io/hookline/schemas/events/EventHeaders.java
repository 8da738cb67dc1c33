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
     * The version of the event type's contract the payload follows ({@code "1"}); absent means 1. A breaking
     * change to a type's payload publishes a new version beside the old one (docs/event-contracts.md).
     */
    public static final String EVENT_VERSION = "event_version";

    /**
     * The W3C trace context ({@code 00-<trace id>-<span id>-<flags>}) of the request the event came from; the
     * same name as the HTTP header, so one order can be followed across every service.
     */
    public static final String TRACEPARENT = "traceparent";

    /**
     * The orders API client whose order the event is about ({@code cli_…}); the dispatcher signs that
     * client's {@code callback_url} webhooks with the client's own secret
     * ({@link io.hookline.schemas.signing.CallbackSecrets}).
     */
    public static final String CLIENT_ID = "client_id";

    /**
     * The client's callback secret versions to sign with, newest first: {@code "3"}, or {@code "3,2"} while a
     * rotation's grace period lasts (Standard Webhooks' several signatures).
     */
    public static final String CALLBACK_KEY_VERSIONS = "callback_key_versions";

    private EventHeaders() {
    }
}
