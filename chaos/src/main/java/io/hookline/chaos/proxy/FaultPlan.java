package io.hookline.chaos.proxy;

import java.util.SplittableRandom;

/**
 * Decides the fault of each webhook request: a pure function of the seed, the webhook id and the request's
 * number for that id, so a run's faults do not depend on the order in which requests arrive. Thread-safe.
 */
public final class FaultPlan {

    private final long seed;
    private final FaultShares shares;

    public FaultPlan(long seed, FaultShares shares) {
        this.seed = seed;
        this.shares = shares;
    }

    /** The fault for the {@code request}-th request (1-based) carrying {@code webhookId}. */
    public Fault decide(String webhookId, int request) {
        if (request > shares.faultyRequests()) {
            return Fault.FORWARD;
        }
        double draw = new SplittableRandom(seed * 1_000_003L + webhookId.hashCode() * 31L + request).nextDouble();
        if (draw < shares.close()) {
            return Fault.CLOSE;
        }
        if (draw < shares.close() + shares.hang()) {
            return Fault.HANG;
        }
        if (draw < shares.close() + shares.hang() + shares.loseAck()) {
            return Fault.LOSE_ACK;
        }
        return Fault.FORWARD;
    }
}
