package io.hookline.receiver.verification;

import io.hookline.schemas.signing.WebhookSecret;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How an incoming webhook request is authenticated and bounded ({@code hookline.receiver.*}).
 *
 * @param secrets the {@code whsec_} secrets a request may be signed with; several are accepted at once so
 *     that a secret can be rotated without refusing traffic. Defaults to the documented development secret.
 * @param tolerance how far {@code webhook-timestamp} may be from now, either way (replay protection)
 * @param maxBodySize the largest request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("hookline.receiver")
public record VerificationProperties(
        @DefaultValue(DEVELOPMENT_SECRET) @NotEmpty List<String> secrets,
        @DefaultValue("5m") @NotNull Duration tolerance,
        @DefaultValue("64KB") @NotNull DataSize maxBodySize) {

    /** The development secret the local stack subscribes the receiver with. Never use it in production. */
    public static final String DEVELOPMENT_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtZGV2ZWxvcG1lbnQta2V5ISE=";

    public VerificationProperties {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        webhookSecrets(secrets);
        if (tolerance != null && (tolerance.isNegative() || tolerance.isZero())) {
            throw new IllegalArgumentException("hookline.receiver.tolerance must be positive");
        }
        if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("hookline.receiver.max-body-size must be positive");
        }
    }

    /** The configured secrets, parsed. */
    public List<WebhookSecret> webhookSecrets() {
        return webhookSecrets(secrets);
    }

    /** Never shows a secret: only how many there are. */
    @Override
    public String toString() {
        return "VerificationProperties[secrets=" + secrets.size() + " (redacted), tolerance=" + tolerance
                + ", maxBodySize=" + maxBodySize + "]";
    }

    /** Parses every secret; the error names the index, never the value. */
    private static List<WebhookSecret> webhookSecrets(List<String> texts) {
        List<WebhookSecret> parsed = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                parsed.add(WebhookSecret.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hookline.receiver.secrets[" + i + "] must look like whsec_<base64> "
                        + "with at least 16 bytes of key");
            }
        }
        return List.copyOf(parsed);
    }
}
