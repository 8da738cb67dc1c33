package io.hookline.dispatcher.endpoint;

import java.util.List;
import java.util.Optional;

/** Where the delivery engine looks up subscribers. Implementations are thread-safe and answer from memory. */
public interface EndpointDirectory {

    /** The enabled endpoints subscribed to an event type, in a stable order; empty when nobody is. */
    List<Endpoint> subscribersOf(String eventType);

    /** The endpoint with this id as it is now (enabled or not), if it still exists. */
    Optional<Endpoint> find(String id);
}
