package io.hookline.orders.idempotency;

import java.time.Instant;

/**
 * One row of {@code idempotency_key}.
 *
 * @param requestHash SHA-256 of method, path and canonical body
 * @param response the stored response; {@code null} while {@code in_progress}
 */
record IdempotencyRecord(String key, String method, String path, String requestHash, boolean complete,
        StoredResponse response, Instant lockedUntil, Instant expiresAt) {

    /** Whether the key may be forgotten: past its time to live, or an abandoned claim. */
    boolean isStale(Instant now) {
        return !expiresAt.isAfter(now) || (!complete && !lockedUntil.isAfter(now));
    }
}
