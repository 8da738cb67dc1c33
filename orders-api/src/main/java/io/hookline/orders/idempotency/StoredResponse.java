package io.hookline.orders.idempotency;

/**
 * The response a completed idempotent request gave, replayed as is for the same key and body.
 *
 * @param status the HTTP status
 * @param body the JSON body, exactly as first sent
 * @param location the {@code Location} header, or {@code null}
 */
public record StoredResponse(int status, String body, String location) {
}
