package io.hookline.dispatcher.endpoint;

import java.util.List;

/** Where the delivery engine looks up subscribers. Implementations are thread-safe. */
public interface EndpointDirectory {

    /** The endpoints subscribed to an event type, in a stable order; empty when nobody is. */
    List<Endpoint> subscribersOf(String eventType);
}
