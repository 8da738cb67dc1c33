package io.hookline.dispatcher.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one troubled endpoint saw: every request, the webhook-ids it has seen at least once, and the distinct
 * webhook-ids it answered with a 2xx (with the time of the latest new one). Thread-safe.
 */
final class AckLedger {

    private final AtomicLong requests = new AtomicLong();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private volatile long lastNewAckNanos;

    /** Counts a request; says whether it is the first request carrying this webhook-id. */
    boolean requested(String webhookId) {
        requests.incrementAndGet();
        return webhookId != null && seen.add(webhookId);
    }

    /** Records that the endpoint answered this webhook-id with a 2xx (called as the answer is sent). */
    void acknowledged(String webhookId) {
        if (webhookId != null && acknowledged.add(webhookId)) {
            lastNewAckNanos = System.nanoTime();
        }
    }

    long requests() {
        return requests.get();
    }

    /** Distinct webhook-ids answered with a 2xx. */
    int acknowledgedCount() {
        return acknowledged.size();
    }

    long lastNewAckNanos() {
        return lastNewAckNanos;
    }

    void reset() {
        requests.set(0);
        seen.clear();
        acknowledged.clear();
        lastNewAckNanos = 0;
    }
}
