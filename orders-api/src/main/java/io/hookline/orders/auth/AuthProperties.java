package io.hookline.orders.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API-key authentication of the orders API ({@code hookline.orders.auth.*}). {@link #toString()} never shows a key.
 *
 * @param adminKey the bootstrap admin key (env {@code HOOKLINE_ORDERS_AUTH_ADMIN_KEY}): sees every client's orders and may
 *        use {@code /clients}; compared by its SHA-256 in constant time; empty = none (required under prod,
 *        at least 32 characters, {@code MIN_ADMIN_KEY_LENGTH})
 * @param keyEnvironment {@code test} or {@code live}: new keys start with {@code sk_test_} or {@code sk_live_}
 *        (default {@code test}; {@code live} under prod)
 * @param developmentKeys the documented development credentials, seeded at start-up when enabled
 * @param management who may read {@code /actuator/**}
 */
@Validated
@ConfigurationProperties("hookline.orders.auth")
public record AuthProperties(
        @DefaultValue("") @NotNull String adminKey,
        @DefaultValue("test") @Pattern(regexp = "test|live") String keyEnvironment,
        @DefaultValue @Valid DevelopmentKeys developmentKeys,
        @DefaultValue Management management) {

    public static final int MIN_ADMIN_KEY_LENGTH = 32;

    /** The admin keys in force: the configured one and, when development keys are on, the development one. */
    List<String> adminKeys() {
        List<String> keys = new ArrayList<>();
        if (!adminKey.isBlank()) {
            keys.add(adminKey);
        }
        if (developmentKeys.enabled() && !developmentKeys.adminKey().isBlank()) {
            keys.add(developmentKeys.adminKey());
        }
        return keys;
    }

    @Override
    public String toString() {
        return "AuthProperties[adminKey=" + (adminKey.isBlank() ? "(none)" : "***") + ", keyEnvironment="
                + keyEnvironment + ", developmentKeys=" + developmentKeys + ", management=" + management + "]";
    }

    /**
     * Development credentials ({@code hookline.orders.auth.development-keys.*}): public values from {@code application.yml}
     * so the local stack works out of the box. The prod profile refuses to start while they are enabled or the
     * client key is still active in the database.
     *
     * @param enabled seed the development client and accept the development admin key (default false;
     *        {@code application.yml} turns it on, {@code application-prod.yml} off)
     * @param clientId the development client's id
     * @param clientName its name
     * @param clientKey its API key (scopes read and write)
     * @param adminKey the development admin key
     */
    public record DevelopmentKeys(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("cli_development") @Pattern(regexp = "cli_[0-9A-Za-z_]{1,36}") String clientId,
            @DefaultValue("Development client") String clientName,
            @DefaultValue("") @Pattern(regexp = "|sk_test_[0-9A-Za-z_]{24,}") String clientKey,
            @DefaultValue("") @Pattern(regexp = "|sk_test_[0-9A-Za-z_]{24,}") String adminKey) {

        @Override
        public String toString() {
            return "DevelopmentKeys[enabled=" + enabled + ", clientId=" + clientId + ", keys=***]";
        }
    }

    /**
     * @param requireAdminKey whether {@code /actuator/**} other than {@code /actuator/health/**} needs the admin
     *        key (default false; true under prod)
     */
    public record Management(@DefaultValue("false") boolean requireAdminKey) {
    }
}
