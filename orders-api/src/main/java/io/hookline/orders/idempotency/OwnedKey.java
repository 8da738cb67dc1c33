package io.hookline.orders.idempotency;

/**
 * An {@code Idempotency-Key} in its owner's key space: the primary key of {@code idempotency_key}.
 *
 * @param owner the caller's client id, or {@code admin} for the configured admin key
 * @param key the header's value
 */
record OwnedKey(String owner, String key) {
}
