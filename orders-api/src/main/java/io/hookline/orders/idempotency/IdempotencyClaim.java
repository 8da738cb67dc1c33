package io.hookline.orders.idempotency;

/**
 * A request's hold on its {@code Idempotency-Key}. The work calls {@link #complete} inside the transaction that
 * makes its change, so the change and the response to replay commit together. Requests without a key get
 * {@link #NONE}.
 */
public interface IdempotencyClaim {

    /** The claim of a request that sent no key: completing it does nothing. */
    IdempotencyClaim NONE = (status, body, location) -> {
    };

    /**
     * Stores the response for replays. Must run inside the work's transaction.
     *
     * @param body serialized as JSON the way the API answers
     * @param location the {@code Location} header, or {@code null}
     */
    void complete(int status, Object body, String location);
}
