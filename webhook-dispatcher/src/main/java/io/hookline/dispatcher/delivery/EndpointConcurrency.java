package io.hookline.dispatcher.delivery;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Bounds the requests in flight per endpoint ({@link EngineProperties#maxInFlightPerEndpoint()}). A delivery
 * over the cap waits in a short per-endpoint queue (as many again) and starts as soon as a request to that
 * endpoint finishes; only when that queue is full too is it refused, and the caller defers it to a retry
 * topic. So a backlog for a healthy endpoint drains at full speed without churning through retry topics,
 * while a dead endpoint holds at most twice its cap of the engine's in-flight budget. Thread-safe: tasks
 * start on the caller's thread or on the thread that released a slot.
 */
@Component
class EndpointConcurrency {

    private static final class Slots {
        private int inFlight;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    private final Map<String, Slots> slots = new ConcurrentHashMap<>();
    private final int maxPerEndpoint;
    private final int maxWaiting;

    EndpointConcurrency(EngineProperties properties) {
        this.maxPerEndpoint = properties.maxInFlightPerEndpoint();
        this.maxWaiting = properties.maxInFlightPerEndpoint();
    }

    /**
     * Starts {@code request} now if the endpoint has a free slot, or queues it; {@code false} (and nothing
     * done) when the endpoint is at its cap and its queue is full. Whoever started a request must call
     * {@link #release} once it finished.
     */
    boolean submit(String endpointId, Runnable request) {
        Slots endpoint = slots.computeIfAbsent(endpointId, id -> new Slots());
        synchronized (endpoint) {
            if (endpoint.inFlight >= maxPerEndpoint) {
                if (endpoint.waiting.size() >= maxWaiting) {
                    return false;
                }
                endpoint.waiting.add(request);
                return true;
            }
            endpoint.inFlight++;
        }
        request.run();
        return true;
    }

    /** Frees a slot, or hands it straight to the next waiting request. */
    void release(String endpointId) {
        Slots endpoint = slots.get(endpointId);
        Runnable next;
        synchronized (endpoint) {
            next = endpoint.waiting.poll();
            if (next == null) {
                endpoint.inFlight--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    int inFlight(String endpointId) {
        Slots endpoint = slots.get(endpointId);
        if (endpoint == null) {
            return 0;
        }
        synchronized (endpoint) {
            return endpoint.inFlight;
        }
    }
}
