package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.catalog.EventTypeRegistry;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.NotFoundException;
import io.hookline.support.problem.RequestValidationException;
import io.hookline.support.problem.ServiceUnavailableException;
import io.hookline.schemas.signing.WebhookSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Endpoint management: validates requests (URL policy, known event types), generates ids and secrets,
 * writes through {@link EndpointStore} and refreshes this instance's {@link LiveEndpointDirectory} at once
 * (other instances follow within their refresh interval). Thread-safe.
 */
@Service
class EndpointService {

    private static final int MAX_DESCRIPTION = 500;

    private final EndpointStore store;
    private final LiveEndpointDirectory directory;
    private final UrlPolicy urlPolicy;
    private final DirectoryProperties properties;
    private final Clock clock;
    private final EventTypeRegistry eventTypes;
    private final SecureRandom random = new SecureRandom();

    EndpointService(EndpointStore store, LiveEndpointDirectory directory, UrlPolicy urlPolicy,
            DirectoryProperties properties, Clock clock, EventTypeRegistry eventTypes) {
        this.eventTypes = eventTypes;
        this.store = store;
        this.directory = directory;
        this.urlPolicy = urlPolicy;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates an endpoint; the answer carries its secret, the only time it is shown unasked. */
    EndpointResponse create(EndpointRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            violations.add(new FieldViolation("url", "is required"));
        }
        validate(request, violations);
        Instant now = clock.instant();
        boolean enabled = request.enabled() == null || request.enabled();
        StoredEndpoint endpoint = new StoredEndpoint(newId(), request.url().trim(), description(request.description()),
                eventTypes(request.eventTypes()), enabled, now, now,
                enabled ? null : new Disablement(Disablement.BY_OPERATOR, now, null), null);
        String secret = WebhookSecret.generate(random).encoded();
        store.insert(endpoint, secret);
        directory.refresh();
        return EndpointResponse.withSecret(endpoint, secret);
    }

    List<EndpointResponse> list() {
        return store.findAll().stream().map(EndpointResponse::of).toList();
    }

    StoredEndpoint get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("There is no endpoint " + id + "."));
    }

    EndpointResponse update(String id, EndpointRequest request) {
        StoredEndpoint current = get(id);
        validate(request, new ArrayList<>());
        Instant now = clock.instant();
        boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
        Disablement disabled = enabled ? null
                : current.enabled() ? new Disablement(Disablement.BY_OPERATOR, now, null) : current.disabled();
        Instant reenabledAt = enabled && !current.enabled() ? now : current.reenabledAt();
        StoredEndpoint updated = new StoredEndpoint(id, request.url() == null ? current.url() : request.url().trim(),
                request.description() == null ? current.description() : description(request.description()),
                request.eventTypes() == null ? current.eventTypes() : eventTypes(request.eventTypes()),
                enabled, current.createdAt(), now, disabled, reenabledAt);
        store.update(updated);
        directory.refresh();
        return EndpointResponse.of(updated);
    }

    void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFoundException("There is no endpoint " + id + ".");
        }
        directory.refresh();
    }

    /** The newest secret in force (the explicit, authenticated way to read it again). */
    EndpointResponse revealSecret(String id) {
        StoredEndpoint endpoint = get(id);
        List<EndpointStore.StoredSecret> secrets = store.secretsInForce(clock.instant()).getOrDefault(id, List.of());
        if (secrets.isEmpty()) {
            throw new ServiceUnavailableException("The secret of endpoint " + id + " cannot be read with the configured "
                    + "keys (hookline.secrets.keys); the dispatcher's log names the key id.");
        }
        return EndpointResponse.withSecret(endpoint, secrets.getFirst().secret());
    }

    /** Issues a new secret; the previous ones keep signing for {@code overlap} (default: the configured one). */
    RotationResponse rotate(String id, Duration overlap) {
        get(id);
        Duration keep = overlap == null ? properties.rotationOverlap() : overlap;
        if (keep.isNegative()) {
            throw new RequestValidationException(List.of(new FieldViolation("overlap_seconds", "must not be negative")));
        }
        Instant now = clock.instant();
        String secret = WebhookSecret.generate(random).encoded();
        store.rotate(id, secret, now, now.plus(keep));
        directory.refresh();
        return new RotationResponse(id, secret, now.plus(keep));
    }

    /** The answer to a rotation: the new secret, and until when the previous ones still sign. */
    record RotationResponse(String id, String secret, Instant previousSecretsExpireAt) {

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "RotationResponse[id=" + id + ", secret=***, previousSecretsExpireAt=" + previousSecretsExpireAt
                    + "]";
        }
    }

    private void validate(EndpointRequest request, List<FieldViolation> violations) {
        if (request.url() != null && !request.url().isBlank()) {
            urlPolicy.refusal(request.url()).ifPresent(reason -> violations.add(new FieldViolation("url", reason)));
        } else if (request.url() != null) {
            violations.add(new FieldViolation("url", "must not be blank"));
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            violations.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (request.eventTypes() != null) {
            request.eventTypes().stream().filter(type -> type == null || !eventTypes.isDeliverable(type)).findFirst()
                    .ifPresent(type -> violations.add(new FieldViolation("event_types",
                            "unknown event type " + type + "; known: " + eventTypes.deliverableNames()
                                    + " (GET /event-types)")));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "ep_" + HexFormat.of().formatHex(bytes);
    }

    private static String description(String description) {
        return description == null ? "" : description.trim();
    }

    private static List<String> eventTypes(List<String> types) {
        return types == null ? List.of() : List.copyOf(new LinkedHashSet<>(types));
    }
}
