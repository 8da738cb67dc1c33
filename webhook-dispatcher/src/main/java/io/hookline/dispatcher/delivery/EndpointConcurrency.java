package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Bounds the requests in flight per endpoint by an adaptive limit ({@link AimdLimit}: one more per success, times
 * {@code decrease-factor} per failure, between {@code hookline.dispatcher.concurrency.min-limit} and
 * {@link EngineProperties#maxInFlightPerEndpoint()}), so an endpoint gets traffic in proportion to its health.
 * A delivery over the limit waits in a per-endpoint queue and starts as soon as a request to that endpoint finishes; one
 * that has waited longer than {@link #MAX_WAIT} is handed back to its caller's {@code defer} action (the
 * engine defers it to a retry topic). So a backlog for a healthy endpoint drains at full speed (a queue of
 * 1,000 for a 50 ms endpoint with 1,024 slots waits 0.05 s) without churning through retry topics, while a dead
 * endpoint, whose slots free up only every response timeout, holds at most half a second of its deliveries
 * beyond its cap. Thread-safe: requests start on the caller's thread or on the thread that released a slot.
 */
@Component
class EndpointConcurrency {

    /** The longest a delivery waits for a slot before it is deferred. */
    static final Duration MAX_WAIT = Duration.ofMillis(500);

    private record Waiting(long sinceNanos, Runnable request, Runnable defer) {
    }

    private static final class Slots {
        private int inFlight;
        private final AimdLimit limit;
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

        Slots(AimdLimit limit) {
            this.limit = limit;
        }
    }

    private final Map<String, Slots> slots = new ConcurrentHashMap<>();
    private final ConcurrencyProperties properties;
    private final int maxPerEndpoint;

    EndpointConcurrency(EngineProperties engine, ConcurrencyProperties properties) {
        this.properties = properties;
        this.maxPerEndpoint = engine.maxInFlightPerEndpoint();
    }

    private Slots slotsOf(String endpointId) {
        return slots.computeIfAbsent(endpointId, id -> new Slots(new AimdLimit(properties.initialLimit(),
                properties.minLimit(), maxPerEndpoint, properties.decreaseFactor())));
    }

    /**
     * Starts {@code request} now if the endpoint has a free slot, or queues it; a queued request that does not
     * get a slot within {@link #MAX_WAIT} is dropped from the queue and {@code defer} runs instead. Whoever
     * started a request must call {@link #release} once it finished.
     */
    void submit(String endpointId, Runnable request, Runnable defer) {
        Slots endpoint = slotsOf(endpointId);
        synchronized (endpoint) {
            if (endpoint.inFlight >= endpoint.limit.limit()) {
                endpoint.waiting.add(new Waiting(System.nanoTime(), request, defer));
                return;
            }
            endpoint.inFlight++;
        }
        request.run();
    }

    /**
     * Frees the slot of a finished request ({@code failed}: the endpoint did not cope, see
     * {@link EndpointCircuits#failure}), adapts the limit, and starts as many waiting requests as it now allows.
     */
    void release(String endpointId, boolean failed) {
        Slots endpoint = slots.get(endpointId);
        List<Runnable> start = new ArrayList<>();
        synchronized (endpoint) {
            if (failed) {
                endpoint.limit.onFailure();
            } else {
                endpoint.limit.onSuccess(endpoint.inFlight);
            }
            endpoint.inFlight--;
            while (endpoint.inFlight < endpoint.limit.limit() && !endpoint.waiting.isEmpty()) {
                endpoint.inFlight++;
                start.add(endpoint.waiting.poll().request());
            }
        }
        start.forEach(Runnable::run);
    }

    /** Defers every queued request that has waited longer than {@link #MAX_WAIT}; called by the engine loop. */
    void deferOverdue() {
        long oldest = System.nanoTime() - MAX_WAIT.toNanos();
        List<Runnable> overdue = new ArrayList<>();
        for (Slots endpoint : slots.values()) {
            synchronized (endpoint) {
                while (!endpoint.waiting.isEmpty() && endpoint.waiting.peek().sinceNanos() - oldest < 0) {
                    overdue.add(endpoint.waiting.poll().defer());
                }
            }
        }
        overdue.forEach(Runnable::run);
    }

    /** Defers every request waiting for the endpoint (its circuit just opened). */
    void deferWaiting(String endpointId) {
        Slots endpoint = slots.get(endpointId);
        if (endpoint == null) {
            return;
        }
        List<Runnable> deferred = new ArrayList<>();
        synchronized (endpoint) {
            for (Waiting waiting = endpoint.waiting.poll(); waiting != null; waiting = endpoint.waiting.poll()) {
                deferred.add(waiting.defer());
            }
        }
        deferred.forEach(Runnable::run);
    }

    /** The endpoint's current concurrency limit (the initial one for an endpoint not seen yet). */
    int limit(String endpointId) {
        Slots endpoint = slotsOf(endpointId);
        synchronized (endpoint) {
            return endpoint.limit.limit();
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
