package io.hookline.dispatcher.delivery;

import io.hookline.schemas.signing.CallbackSecrets;
import io.hookline.schemas.signing.WebhookSecret;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which secrets sign a per-order callback. {@code hookline.dispatcher.callbacks.secret} is the platform's master secret;
 * each orders API client's callbacks are signed with the client's own secret derived from it
 * ({@link CallbackSecrets}), once per version the event listed in {@code callback_key_versions} (newest first:
 * during a rotation's grace period the request carries one {@code v1,} signature per version, and the client
 * verifies with whichever secret it holds). An event without {@code client_id} was published before clients had
 * their own secrets: its callbacks are signed with the master secret itself, as before (logged once). Anything
 * else (a {@code client_id} without versions, versions without a {@code client_id}, a malformed value) is
 * {@linkplain Signing.Refused refused} with a reason, so a callback is never signed with a wrong key. Thread-safe.
 */
@Component
public class CallbackSigning {

    /** How the callback is signed, or why it cannot be. */
    public sealed interface Signing {
        /** Sign with these secrets, newest first; {@code legacy}: the master secret of a pre-client event. */
        record Secrets(List<WebhookSecret> secrets, boolean legacy) implements Signing {
        }

        record Refused(String reason) implements Signing {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CallbackSigning.class);
    /** Printable ASCII without spaces, as the orders API's {@code cli_…} ids are. */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final Optional<WebhookSecret> master;
    private final Optional<CallbackSecrets> derived;
    private final AtomicBoolean legacyLogged = new AtomicBoolean();

    public CallbackSigning(CallbackProperties properties) {
        this.master = properties.signingSecret();
        this.derived = master.map(CallbackSecrets::new);
    }

    /** Whether callbacks are delivered at all ({@code hookline.dispatcher.callbacks.secret} is set). */
    public boolean enabled() {
        return master.isPresent();
    }

    /**
     * How to sign a callback of an event with these headers.
     *
     * @param clientId the event's {@code client_id}, or {@code null}
     * @param versions the event's {@code callback_key_versions}, or {@code null}
     */
    public Signing signing(String clientId, String versions) {
        if (master.isEmpty()) {
            return new Signing.Refused("callbacks are off (no hookline.dispatcher.callbacks.secret)");
        }
        if (clientId == null && versions == null) {
            if (legacyLogged.compareAndSet(false, true)) {
                log.info("A callback of an event without client_id (published before per-client callback secrets) "
                        + "is signed with the callback master secret; later ones are not logged");
            }
            return new Signing.Secrets(List.of(master.get()), true);
        }
        if (clientId == null) {
            return new Signing.Refused("callback_key_versions without client_id");
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return new Signing.Refused("client_id is not a client id");
        }
        if (versions == null) {
            return new Signing.Refused("client_id without callback_key_versions");
        }
        try {
            List<WebhookSecret> secrets = CallbackSecrets.parseVersions(versions).stream()
                    .map(version -> derived.get().derive(clientId, version)).toList();
            return new Signing.Secrets(secrets, false);
        } catch (IllegalArgumentException e) {
            return new Signing.Refused("callback_key_versions is malformed (" + printable(versions) + ")");
        }
    }

    /** The header value as it may be logged and shown: at most 20 printable characters. */
    private static String printable(String value) {
        String cut = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
