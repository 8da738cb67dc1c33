package io.hookline.orders.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request, as its API key says: the client it acts for and what it may do. Controllers receive it as
 * a parameter (see {@link CallerArgumentResolver}).
 *
 * @param clientId the client owning the key ({@code cli_…}); {@code null} for the configured admin key, which
 *        belongs to no client
 * @param keyId the stored key's id ({@code key_…}), or {@code null} for the configured admin key
 * @param scopes what the key may do
 */
public record Caller(String clientId, String keyId, Set<Scope> scopes) {

    /** The idempotency scope of the configured admin key, which has no client. */
    public static final String ADMIN_OWNER = "admin";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** The configured admin key's caller. */
    static Caller admin() {
        return new Caller(null, null, Set.of(Scope.ADMIN));
    }

    public boolean isAdmin() {
        return scopes.contains(Scope.ADMIN);
    }

    /** Whether the key grants {@code scope}; {@link Scope#ADMIN} grants every scope. */
    public boolean has(Scope scope) {
        return isAdmin() || scopes.contains(scope);
    }

    /** Whether this caller may see and change an order owned by {@code ownerClientId} ({@code null}: no client). */
    public boolean canAccess(String ownerClientId) {
        return isAdmin() || (clientId != null && Objects.equals(clientId, ownerClientId));
    }

    /** The client whose orders this caller may see, or {@code null} when it may see all (admin). */
    public String visibleClient() {
        return isAdmin() ? null : clientId;
    }

    /** The namespace of this caller's {@code Idempotency-Key}s: its client, or {@value #ADMIN_OWNER}. */
    public String idempotencyOwner() {
        return clientId != null ? clientId : ADMIN_OWNER;
    }
}
