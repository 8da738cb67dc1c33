package io.hookline.orders.auth;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as stored: never the key itself, only its hash (not carried here) and visible prefix.
 *
 * @param id {@code key_…}
 * @param prefix the key's first characters, e.g. {@code sk_live_AbC1}
 * @param revokedAt when it was revoked, or {@code null} while it is valid
 */
public record StoredApiKey(String id, String clientId, String prefix, Set<Scope> scopes, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt) {

    public StoredApiKey {
        scopes = Set.copyOf(scopes);
    }
}
