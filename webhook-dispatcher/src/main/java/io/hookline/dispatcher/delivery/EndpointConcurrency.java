package io.hookline.dispatcher.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Counts the requests in flight per endpoint and refuses one over the cap. Thread-safe. */
@Component
class EndpointConcurrency {

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final int maxPerEndpoint;

    EndpointConcurrency(EngineProperties properties) {
        this.maxPerEndpoint = properties.maxInFlightPerEndpoint();
    }

    /** Takes a slot for this endpoint; {@code false} (and nothing taken) when it is at its cap. */
    boolean tryAcquire(String endpointId) {
        AtomicInteger count = inFlight.computeIfAbsent(endpointId, id -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerEndpoint) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(String endpointId) {
        inFlight.get(endpointId).decrementAndGet();
    }

    int inFlight(String endpointId) {
        AtomicInteger count = inFlight.get(endpointId);
        return count == null ? 0 : count.get();
    }
}
