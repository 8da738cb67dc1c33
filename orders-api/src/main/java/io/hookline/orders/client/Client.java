package io.hookline.orders.client;

import java.time.Instant;
import java.util.List;

/**
 * A client of the API: it owns orders and API keys, and its callbacks are signed with its own secret at
 * {@link #callbackKeyVersion()} (derived, never stored).
 *
 * @param id {@code cli_…}
 * @param callbackKeyVersion the current callback secret version, from 1
 * @param previousCallbackKeyVersion the version before the last rotation, or {@code null}
 * @param previousValidUntil until when the previous version is still signed with, or {@code null}
 */
public record Client(String id, String name, Instant createdAt, int callbackKeyVersion,
        Integer previousCallbackKeyVersion, Instant previousValidUntil) {

    /** The versions to sign with at {@code now}, newest first: the previous one too while its grace lasts. */
    public List<Integer> callbackKeyVersions(Instant now) {
        if (previousCallbackKeyVersion != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
            return List.of(callbackKeyVersion, previousCallbackKeyVersion);
        }
        return List.of(callbackKeyVersion);
    }
}
