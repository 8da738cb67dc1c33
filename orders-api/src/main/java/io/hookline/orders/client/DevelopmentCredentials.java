package io.hookline.orders.client;

import io.hookline.orders.auth.ApiKeyGenerator;
import io.hookline.orders.auth.ApiKeyHash;
import io.hookline.orders.auth.ApiKeyRepository;
import io.hookline.orders.auth.AuthProperties;
import io.hookline.orders.auth.AuthProperties.DevelopmentKeys;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.auth.StoredApiKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documented development client ({@code hookline.orders.auth.development-keys.*}): when enabled, seeded at start-up
 * (after the migrations, before the web server takes requests) if absent, so a fresh local stack answers its
 * fixed key at once; seeding again changes nothing, and a key revoked in development stays revoked. Under the
 * {@code prod} profile start-up fails while the development client key is still active in the database.
 */
@Component
class DevelopmentCredentials implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentCredentials.class);
    static final String KEY_ID = "key_development";

    private final DevelopmentKeys development;
    private final ClientRepository clients;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean prod;

    DevelopmentCredentials(AuthProperties properties, ClientRepository clients, ApiKeyRepository keys, Clock clock,
            TransactionTemplate transactions, Environment environment) {
        this.development = properties.developmentKeys();
        this.clients = clients;
        this.keys = keys;
        this.clock = clock;
        this.transactions = transactions;
        this.prod = environment.matchesProfiles("prod");
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (development.clientKey().isBlank()) {
            return;
        }
        if (development.enabled()) {
            try {
                transactions.executeWithoutResult(status -> seed());
            } catch (DuplicateKeyException concurrentlySeeded) {
                log.debug("Another instance seeded the development client first");
            }
        } else if (prod && isActive()) {
            throw new IllegalStateException("The prod profile refuses to start: the development client key "
                    + "(hookline.orders.auth.development-keys.client-key, id " + KEY_ID + ") is active in the database; "
                    + "revoke it (DELETE /clients/" + development.clientId() + "/api-keys/" + KEY_ID + ")");
        }
    }

    private void seed() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (clients.findById(development.clientId()).isEmpty()) {
            clients.insert(new Client(development.clientId(), development.clientName(), now, 1, null, null));
        }
        String hash = ApiKeyHash.of(development.clientKey());
        if (keys.findByHash(hash).isEmpty()) {
            keys.insert(new StoredApiKey(KEY_ID, development.clientId(),
                    ApiKeyGenerator.visiblePrefix(development.clientKey()), EnumSet.of(Scope.READ, Scope.WRITE), now,
                    null, null), hash);
            log.info("Seeded the development client {} with its documented development key", development.clientId());
        }
    }

    private boolean isActive() {
        return keys.findByHash(ApiKeyHash.of(development.clientKey())).filter(k -> k.revokedAt() == null)
                .isPresent();
    }
}
