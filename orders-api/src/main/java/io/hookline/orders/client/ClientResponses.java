package io.hookline.orders.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.auth.StoredApiKey;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The JSON answers of the {@code /clients} admin API (snake_case). Secrets appear only in the "issued" types. */
final class ClientResponses {

    private ClientResponses() {
    }

    private static List<String> names(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::value).toList();
    }

    /** A stored key: never the key, only its visible prefix. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiKeyView(String id, String prefix, List<String> scopes, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        static ApiKeyView of(StoredApiKey key) {
            return new ApiKeyView(key.id(), key.prefix(), names(key.scopes()), key.createdAt(), key.lastUsedAt(),
                    key.revokedAt());
        }
    }

    /** A key just made: the only answer that ever contains {@code key}. */
    record IssuedApiKey(String id, String key, String prefix, List<String> scopes, Instant createdAt) {

        static IssuedApiKey of(StoredApiKey stored, String key) {
            return new IssuedApiKey(stored.id(), key, stored.prefix(), names(stored.scopes()), stored.createdAt());
        }
    }

    /** A client with its keys, as listed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientView(String id, String name, Instant createdAt, int callbackKeyVersion,
            Integer previousCallbackKeyVersion, Instant previousValidUntil, List<ApiKeyView> apiKeys) {

        static ClientView of(Client client, List<StoredApiKey> keys) {
            return new ClientView(client.id(), client.name(), client.createdAt(), client.callbackKeyVersion(),
                    client.previousCallbackKeyVersion(), client.previousValidUntil(),
                    keys.stream().map(ApiKeyView::of).toList());
        }
    }

    /** {@code POST /clients}: the client, its first key and its callback secret, each shown this once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedClient(String id, String name, Instant createdAt, int callbackKeyVersion, IssuedApiKey apiKey,
            String callbackSecret) {
    }

    /** {@code POST /clients/{id}/rotate-callback-secret}: the new secret, shown this once. */
    record RotatedCallbackSecret(String clientId, int callbackKeyVersion, String callbackSecret,
            Integer previousCallbackKeyVersion, Instant previousValidUntil) {
    }

    /** {@code GET /clients}. */
    record ClientList(List<ClientView> data) {
    }
}
