package io.hookline.dispatcher.delivery;

/**
 * An adaptive concurrency limit for one endpoint (additive increase, multiplicative decrease, as TCP and
 * Netflix's concurrency-limits do): each success while the endpoint is at least half used adds one request,
 * each failure multiplies the limit by {@code decreaseFactor}; the limit stays within {@code [floor, ceiling]}.
 * With a decrease factor of 0.9 the limit settles near {@code 10 × (1 − p) / p} for an endpoint failing a share
 * {@code p} of its requests (about 23 at 30 %, 90 at 10 %, the floor at 90 %): traffic follows health. Not
 * thread-safe: its owner holds the lock.
 */
final class AimdLimit {

    private final int floor;
    private final int ceiling;
    private final double decreaseFactor;
    private double limit;

    AimdLimit(int initial, int floor, int ceiling, double decreaseFactor) {
        this.floor = Math.min(floor, ceiling);
        this.ceiling = ceiling;
        this.decreaseFactor = decreaseFactor;
        this.limit = Math.clamp(initial, this.floor, ceiling);
    }

    /** A request succeeded while {@code inFlight} requests were running (itself included). */
    void onSuccess(int inFlight) {
        if (inFlight * 2 >= limit) {
            limit = Math.min(ceiling, limit + 1);
        }
    }

    void onFailure() {
        limit = Math.max(floor, limit * decreaseFactor);
    }

    int limit() {
        return (int) limit;
    }
}
