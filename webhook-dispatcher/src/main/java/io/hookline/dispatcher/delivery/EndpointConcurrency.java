package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds the requests in flight per endpoint by an adaptive limit ({@link AimdLimit}: one more per success, times
 * {@code decrease-factor} per failure, between {@code hookline.dispatcher.concurrency.min-limit} and
 * {@link EngineProperties#maxInFlightPerEndpoint()}), so an endpoint gets traffic in proportion to its health.
 * A delivery over the limit waits in a per-endpoint queue and starts as soon as a request to that endpoint finishes.
 * How long it may wait depends on whether the endpoint is <em>coping</em>: it answered a request successfully within
 * the last {@link #MAX_WAIT} and reported no failure ({@link #release release(id, true)}: no answer, 5xx, 429) within
 * the last {@link #FAILURE_MEMORY}. A coping endpoint's deliveries wait up to {@link #COPING_MAX_WAIT}, any other
 * endpoint's up to {@link #MAX_WAIT}; after that the delivery is handed back to its caller's {@code defer} action
 * (the engine defers it to a retry topic). So a backlog for a healthy endpoint drains in place even when this
 * process, not the endpoint, is the bottleneck (deferring those at half a second sent a 30,000-event backlog through
 * the retry topics twice), while a dead, hanging, failing or throttling endpoint, whose slots free up only every
 * response timeout or fail, holds at most half a second of its deliveries beyond its cap. With
 * {@link EngineProperties#deferCopingEndpoints()} every endpoint gets {@link #MAX_WAIT} (the rule before).
 * Thread-safe: requests start on the caller's thread or on the thread that released a slot. Time comes from the
 * injected nanosecond source ({@link System#nanoTime()} in production).
 */
@Component
class EndpointConcurrency {

    /** The longest a delivery waits for a slot before it is deferred, unless its endpoint is coping. */
    static final Duration MAX_WAIT = Duration.ofMillis(500);

    /**
     * The longest a delivery waits for a slot of a coping endpoint before it is deferred anyway, so even a healthy
     * endpoint pins its partitions' commit point for a bounded time.
     */
    static final Duration COPING_MAX_WAIT = MAX_WAIT.multipliedBy(10);

    /**
     * How long one failure keeps an endpoint from coping: as long as the longest coping wait, so no delivery waits
     * beyond {@link #MAX_WAIT} for an endpoint that failed while it was queued.
     */
    static final Duration FAILURE_MEMORY = COPING_MAX_WAIT;

    private record Waiting(long sinceNanos, Runnable request, Runnable defer) {
    }

    private static final class Slots {
        private int inFlight;
        private final AimdLimit limit;
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private boolean succeeded;
        private long lastSuccessNanos;
        private boolean failed;
        private long lastFailureNanos;

        Slots(AimdLimit limit) {
            this.limit = limit;
        }

        void finished(boolean failure, long nowNanos) {
            if (failure) {
                failed = true;
                lastFailureNanos = nowNanos;
            } else {
                succeeded = true;
                lastSuccessNanos = nowNanos;
            }
        }

        boolean coping(long nowNanos) {
            return succeeded && nowNanos - lastSuccessNanos <= MAX_WAIT.toNanos()
                    && !(failed && nowNanos - lastFailureNanos <= FAILURE_MEMORY.toNanos());
        }
    }

    private final Map<String, Slots> slots = new ConcurrentHashMap<>();
    private final ConcurrencyProperties properties;
    private final int maxPerEndpoint;
    private final boolean deferCopingEndpoints;
    private final LongSupplier nanoTime;

    @Autowired
    EndpointConcurrency(EngineProperties engine, ConcurrencyProperties properties) {
        this(engine, properties, System::nanoTime);
    }

    EndpointConcurrency(EngineProperties engine, ConcurrencyProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.maxPerEndpoint = engine.maxInFlightPerEndpoint();
        this.deferCopingEndpoints = engine.deferCopingEndpoints();
        this.nanoTime = nanoTime;
    }

    private Slots slotsOf(String endpointId) {
        return slots.computeIfAbsent(endpointId, id -> new Slots(new AimdLimit(properties.initialLimit(),
                properties.minLimit(), maxPerEndpoint, properties.decreaseFactor())));
    }

    /**
     * Starts {@code request} now if the endpoint has a free slot, or queues it; a queued request that does not
     * get a slot within {@link #MAX_WAIT} ({@link #COPING_MAX_WAIT} while the endpoint copes) is dropped from the
     * queue and {@code defer} runs instead. Whoever started a request must call {@link #release} once it finished.
     */
    void submit(String endpointId, Runnable request, Runnable defer) {
        Slots endpoint = slotsOf(endpointId);
        synchronized (endpoint) {
            if (endpoint.inFlight >= endpoint.limit.limit()) {
                endpoint.waiting.add(new Waiting(nanoTime.getAsLong(), request, defer));
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
        long now = nanoTime.getAsLong();
        synchronized (endpoint) {
            endpoint.finished(failed, now);
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

    /**
     * Defers every queued request that has waited longer than its endpoint's wait ({@link #MAX_WAIT}, or
     * {@link #COPING_MAX_WAIT} while it copes); called by the engine loop.
     */
    void deferOverdue() {
        long now = nanoTime.getAsLong();
        List<Runnable> overdue = new ArrayList<>();
        for (Slots endpoint : slots.values()) {
            synchronized (endpoint) {
                long oldest = now - maxWait(endpoint, now).toNanos();
                while (!endpoint.waiting.isEmpty() && endpoint.waiting.peek().sinceNanos() - oldest < 0) {
                    overdue.add(endpoint.waiting.poll().defer());
                }
            }
        }
        overdue.forEach(Runnable::run);
    }

    private Duration maxWait(Slots endpoint, long nowNanos) {
        return !deferCopingEndpoints && endpoint.coping(nowNanos) ? COPING_MAX_WAIT : MAX_WAIT;
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
