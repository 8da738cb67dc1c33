package io.hookline.orders.client;

import io.hookline.orders.auth.ApiKeyGenerator;
import io.hookline.orders.auth.ApiKeyHash;
import io.hookline.orders.auth.ApiKeyRepository;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.auth.StoredApiKey;
import io.hookline.orders.client.ClientResponses.ClientView;
import io.hookline.orders.client.ClientResponses.CreatedClient;
import io.hookline.orders.client.ClientResponses.IssuedApiKey;
import io.hookline.orders.client.ClientResponses.RotatedCallbackSecret;
import io.hookline.orders.outbox.EventClient;
import io.hookline.orders.system.IdGenerator;
import io.hookline.schemas.signing.CallbackSecrets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clients, their API keys and their callback secrets. Keys and secrets are returned once, when made, and never
 * stored in clear: a key as its SHA-256, a callback secret not at all (it is derived from the master secret and
 * the client's version whenever it is needed). Thread-safe.
 */
@Service
public class ClientService {

    /** Client ids are {@code cli_} and 32 hex digits; key ids {@code key_} and 32 hex digits. */
    public static final String CLIENT_ID_PREFIX = "cli_";
    static final String KEY_ID_PREFIX = "key_";

    private final ClientRepository clients;
    private final ApiKeyRepository keys;
    private final ApiKeyGenerator generator;
    private final CallbackProperties callbacks;
    private final Optional<CallbackSecrets> secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ClientService(ClientRepository clients, ApiKeyRepository keys, ApiKeyGenerator generator,
            CallbackProperties callbacks, IdGenerator ids, Clock clock, TransactionTemplate transactions) {
        this.clients = clients;
        this.keys = keys;
        this.generator = generator;
        this.callbacks = callbacks;
        this.secrets = callbacks.secrets();
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A new client with its first API key; its callback secret when callbacks are configured. */
    CreatedClient create(String name, Set<Scope> scopes) {
        Client client = new Client(newId(CLIENT_ID_PREFIX), name, now(), 1, null, null);
        String key = generator.newKey();
        StoredApiKey stored = newStoredKey(client.id(), key, scopes);
        transactions.executeWithoutResult(status -> {
            clients.insert(client);
            keys.insert(stored, ApiKeyHash.of(key));
        });
        String secret = secrets.map(s -> s.derive(client.id(), 1).encoded()).orElse(null);
        return new CreatedClient(client.id(), client.name(), client.createdAt(), 1, IssuedApiKey.of(stored, key),
                secret);
    }

    /** Every client with its keys (prefixes only), oldest first. */
    List<ClientView> list() {
        Map<String, List<StoredApiKey>> byClient = keys.findAll().stream()
                .collect(Collectors.groupingBy(StoredApiKey::clientId));
        return clients.findAll().stream()
                .map(c -> ClientView.of(c, byClient.getOrDefault(c.id(), List.of())))
                .toList();
    }

    /** A new key of an existing client. @throws ClientNotFoundException when there is no such client */
    IssuedApiKey issueKey(String clientId, Set<Scope> scopes) {
        require(clientId);
        String key = generator.newKey();
        StoredApiKey stored = newStoredKey(clientId, key, scopes);
        keys.insert(stored, ApiKeyHash.of(key));
        return IssuedApiKey.of(stored, key);
    }

    /** Revokes a key; effective for the next request. Revoking twice is fine. */
    void revokeKey(String clientId, String keyId) {
        require(clientId);
        if (!keys.revoke(clientId, keyId, now())) {
            throw ClientNotFoundException.apiKey(clientId, keyId);
        }
    }

    /** Bumps the client's callback secret version; the previous one is signed with for the grace period. */
    RotatedCallbackSecret rotateCallbackSecret(String clientId) {
        require(clientId);
        CallbackSecrets derivation = secrets.orElseThrow(CallbacksNotConfiguredException::new);
        Instant graceUntil = now().plus(callbacks.rotationGrace());
        clients.rotateCallbackKey(clientId, graceUntil);
        Client rotated = require(clientId);
        return new RotatedCallbackSecret(clientId, rotated.callbackKeyVersion(),
                derivation.derive(clientId, rotated.callbackKeyVersion()).encoded(),
                rotated.previousCallbackKeyVersion(), rotated.previousValidUntil());
    }

    /** The event headers of a client's events now, or empty for orders without a (known) client. */
    public Optional<EventClient> eventClient(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return clients.findById(clientId).map(c -> new EventClient(c.id(),
                CallbackSecrets.formatVersions(c.callbackKeyVersions(now))));
    }

    private Client require(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> ClientNotFoundException.client(clientId));
    }

    private StoredApiKey newStoredKey(String clientId, String key, Set<Scope> scopes) {
        return new StoredApiKey(newId(KEY_ID_PREFIX), clientId, ApiKeyGenerator.visiblePrefix(key), scopes, now(),
                null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String newId(String prefix) {
        return prefix + ids.randomUuid().toString().replace("-", "");
    }
}
