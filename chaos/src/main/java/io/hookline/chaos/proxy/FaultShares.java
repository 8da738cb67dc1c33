package io.hookline.chaos.proxy;

/**
 * How often the proxy injects each fault, as shares of the requests it may fault.
 *
 * @param close share of requests dropped by closing the connection
 * @param hang share of requests dropped by never answering
 * @param loseAck share of requests forwarded whose answer is replaced by a 503
 * @param faultyRequests a webhook id's first this-many requests may be faulted; later ones are always forwarded,
 *        so a delivery needs at most {@code faultyRequests + 1} attempts (with the production schedule the third
 *        attempt comes 5 min after the second, so more would push a run past any useful bound)
 */
public record FaultShares(double close, double hang, double loseAck, int faultyRequests) {

    /** 10 % dropped (half closed, half hung), 10 % acknowledgements lost, on each of the first two requests. */
    public static final FaultShares DEFAULT = new FaultShares(0.05, 0.05, 0.10, 2);

    public static final FaultShares NONE = new FaultShares(0, 0, 0, 0);

    public FaultShares {
        if (close < 0 || hang < 0 || loseAck < 0 || close + hang + loseAck > 1 || faultyRequests < 0) {
            throw new IllegalArgumentException("fault shares must be >= 0 and add up to at most 1");
        }
    }
}
