package io.hookline.dispatcher.bench;

import io.hookline.dispatcher.bench.BenchTopics.RetryAndDeadLetterRecords;

/**
 * One measured row of the partial-failure benchmark.
 *
 * @param trouble what the second endpoint does; {@code null} for the healthy endpoint alone (the solo row)
 * @param offered events produced in the row (each one is a delivery to every endpoint)
 * @param offerSeconds how long producing them took (first send -> every send acknowledged)
 * @param healthy what the healthy endpoint got
 * @param troubled what the troubled endpoint got; {@code null} in the solo row
 * @param records records on the row's retry and dead-letter topics when the row ended
 */
record PartialFailureRow(Trouble trouble, int offered, double offerSeconds, HealthyOutcome healthy,
        TroubledOutcome troubled, RetryAndDeadLetterRecords records) {

    /**
     * @param delivered distinct events that reached the healthy endpoint
     * @param perSecond delivered / (last new arrival, or the end of the wait, - first event offered)
     * @param p99Millis 99th percentile of offered -> first arrival
     */
    record HealthyOutcome(int delivered, double perSecond, double p99Millis) {
    }

    /**
     * @param acknowledged distinct webhook-ids answered with a 2xx
     * @param requests every request that reached the endpoint
     * @param goodput acknowledged / (last new acknowledgement if all were, else the end of the row,
     *        - first event offered)
     * @param secondsToAll first event offered -> last acknowledgement, or {@code NaN} if not all were acknowledged
     * @param waitedAfterOffer how long the row waited after the last event was offered (bound or fixed tail)
     */
    record TroubledOutcome(int acknowledged, long requests, double goodput, double secondsToAll,
            double waitedAfterOffer) {
    }
}
