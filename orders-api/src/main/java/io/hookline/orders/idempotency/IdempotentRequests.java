package io.hookline.orders.idempotency;

import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe-style {@code Idempotency-Key} handling for POST endpoints. Thread-safe.
 *
 * <p>A request with a key first claims it (a committed {@code in_progress} row holding a fingerprint of method,
 * path and body), then does its work, which stores its response through the {@link IdempotencyClaim} inside its
 * own transaction. A later request with the key and the same fingerprint gets that response again (status,
 * body, {@code Location}) with {@code Idempotent-Replayed: true}, and nothing runs twice. A different
 * fingerprint is refused with 422; a request while the first still runs gets 409. When the work fails without
 * completing (404, 409, 5xx) the claim is released, so nothing is remembered and a retry runs afresh. Keys live
 * for {@code hookline.orders.idempotency.ttl}, and are per client: each client has its own key space.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final int MAX_ATTEMPTS = 3;

    private final IdempotencyKeyRepository repository;
    private final IdempotencyProperties properties;
    private final JsonMapper mapper;
    private final Clock clock;

    IdempotentRequests(IdempotencyKeyRepository repository, IdempotencyProperties properties, JsonMapper mapper,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per key: directly when {@code key} is {@code null}, else claimed, replayed or refused
     * as described above.
     *
     * @param owner whose keys these are (the caller's client): the same key of two owners are two keys, so no
     *        client ever sees another's stored response
     * @param key the header's value, or {@code null} when absent
     * @param body the parsed request body, part of the fingerprint
     */
    public ResponseEntity<?> execute(String owner, String key, String method, String path, JsonNode body,
            Function<IdempotencyClaim, ResponseEntity<?>> work) {
        if (key == null) {
            return work.apply(IdempotencyClaim.NONE);
        }
        requireValid(key);
        String hash = RequestFingerprint.of(method, path, body, mapper);
        OwnedKey owned = new OwnedKey(owner, key);
        Optional<StoredResponse> replay = claim(owned, method, path, hash);
        if (replay.isPresent()) {
            return replayed(replay.get());
        }
        try {
            return work.apply((status, responseBody, location) -> complete(owned, status, responseBody, location));
        } catch (RuntimeException | Error e) {
            repository.release(owned);
            throw e;
        }
    }

    /** Claims the key, or returns the stored response to replay. */
    private Optional<StoredResponse> claim(OwnedKey key, String method, String path, String hash) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            if (repository.tryClaim(key, method, path, hash, now, now.plus(properties.lockTimeout()),
                    now.plus(properties.ttl()))) {
                return Optional.empty();
            }
            Optional<IdempotencyRecord> existing = repository.find(key);
            if (existing.isEmpty()) {
                continue;
            }
            IdempotencyRecord record = existing.get();
            if (record.isStale(now)) {
                repository.deleteIfStale(key, now);
                continue;
            }
            if (!record.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException(key.key());
            }
            if (!record.complete()) {
                throw new IdempotencyKeyInUseException(key.key());
            }
            return Optional.of(record.response());
        }
        throw new IdempotencyKeyInUseException(key.key());
    }

    private void complete(OwnedKey key, int status, Object body, String location) {
        StoredResponse response = new StoredResponse(status, mapper.writeValueAsString(body), location);
        if (!repository.complete(key, response)) {
            // Our claim was taken over after lock-timeout; roll the work back rather than answer twice.
            throw new IdempotencyKeyInUseException(key.key());
        }
    }

    private static ResponseEntity<?> replayed(StoredResponse stored) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(stored.status()))
                .contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            answer.location(URI.create(stored.location()));
        }
        return answer.body(stored.body());
    }

    private static void requireValid(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new RequestValidationException(List.of(new FieldViolation(HEADER,
                    "must be 1 to 255 visible ASCII characters, e.g. a UUID")));
        }
    }
}
