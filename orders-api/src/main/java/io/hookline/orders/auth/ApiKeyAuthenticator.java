package io.hookline.orders.auth;

import io.hookline.support.problem.UnauthorizedException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization} header into a {@link Caller}, or refuses it. The presented key is hashed; the
 * admin keys are compared by their SHA-256 digests in constant time, client keys are found by hash through the
 * unique index (no comparison in Java), and a revoked key is refused at once (nothing is cached). Keys never
 * reach a log or an answer. Thread-safe.
 */
@Component
public class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    private static final String BEARER = "Bearer ";
    /**
     * Printable ASCII of a bounded length, so a malformed header never reaches the database. Client keys are
     * {@code sk_…}; the configured admin key may be any secret of at least 16 characters.
     */
    private static final Pattern KEY_SHAPE = Pattern.compile("^[\\x21-\\x7E]{16,256}$");

    private final ApiKeyRepository keys;
    private final List<byte[]> adminDigests;

    ApiKeyAuthenticator(ApiKeyRepository keys, AuthProperties properties) {
        this.keys = keys;
        this.adminDigests = properties.adminKeys().stream().map(ApiKeyHash::digest).toList();
        if (adminDigests.isEmpty()) {
            log.warn("hookline.orders.auth.admin-key is not set: no admin key is accepted");
        }
    }

    /**
     * @param authorization the header's value, or {@code null}
     * @throws UnauthorizedException when it is missing, malformed, unknown or revoked
     */
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw UnauthorizedException.missing("This API needs Authorization: Bearer <API key>.");
        }
        String key = authorization.substring(BEARER.length()).trim();
        if (!KEY_SHAPE.matcher(key).matches()) {
            throw UnauthorizedException.invalid("The API key is malformed.");
        }
        if (isAdminKey(key)) {
            return Caller.admin();
        }
        Optional<StoredApiKey> stored = keys.findByHash(ApiKeyHash.of(key));
        if (stored.isEmpty() || stored.get().revokedAt() != null) {
            throw UnauthorizedException.invalid("The API key is not valid (unknown or revoked).");
        }
        StoredApiKey found = stored.get();
        return new Caller(found.clientId(), found.id(), found.scopes());
    }

    private boolean isAdminKey(String key) {
        byte[] presented = ApiKeyHash.digest(key);
        boolean match = false;
        for (byte[] admin : adminDigests) {
            match |= MessageDigest.isEqual(admin, presented);
        }
        return match;
    }
}
