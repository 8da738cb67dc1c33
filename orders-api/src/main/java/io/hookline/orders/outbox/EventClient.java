package io.hookline.orders.outbox;

/**
 * The client an event is about, sent as the record headers {@code client_id} and {@code callback_key_versions}
 * so the dispatcher signs that client's callbacks with the client's own secret.
 *
 * @param clientId {@code cli_…}
 * @param callbackKeyVersions newest first, comma-separated: {@code "2"}, or {@code "2,1"} while a rotation's
 *        grace period lasts
 */
public record EventClient(String clientId, String callbackKeyVersions) {
}
