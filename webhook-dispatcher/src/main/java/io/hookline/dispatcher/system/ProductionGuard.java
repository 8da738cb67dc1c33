package io.hookline.dispatcher.system;

import io.hookline.dispatcher.endpoint.DirectoryProperties;
import io.hookline.support.secrets.SecretsProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: a real admin token (not the local
 * stack's public one), a real database server, no endpoint URLs on private networks, the actuator endpoints
 * behind the admin token, and a key of its own for the secrets at rest ({@code hookline.secrets.*}, not the
 * development key {@code application.yml} ships).
 */
@Component
@Profile("prod")
class ProductionGuard {

    /** The local stack's public development admin token. */
    static final String LOCAL_ADMIN_TOKEN = "hookline-local-admin-token";
    /** The development key {@code application.yml} ships as {@code hookline.secrets.keys.local-dev}. */
    static final String LOCAL_SECRETS_KEY = "aG9va2xpbmUtbG9jYWwtc2VjcmV0cy1hdC1yZXN0ISE=";
    /** The local stack's public callback master secret (its {@code StackSettings.DEVELOPMENT_CALLBACKS_SECRET}). */
    static final String LOCAL_CALLBACKS_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtY2FsbGJhY2stbWFzdGVyISE=";
    private static final int MIN_TOKEN_LENGTH = 24;

    ProductionGuard(AdminProperties admin, DirectoryProperties directory, ManagementProperties management,
            SecretsProperties secrets, Environment environment) {
        List<String> problems = new ArrayList<>(problems(admin.token(), directory.allowPrivateUrls(),
                environment.getProperty("spring.datasource.url", "")));
        problems.addAll(managementProblems(management));
        problems.addAll(secretsProblems(secrets));
        problems.addAll(callbackProblems(environment.getProperty("dispatcher.callbacks.secret", "")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
        }
    }

    /** The callback master secret must not be the local stack's public one. */
    static List<String> callbackProblems(String callbacksSecret) {
        return LOCAL_CALLBACKS_SECRET.equals(callbacksSecret.trim())
                ? List.of("dispatcher.callbacks.secret is the local stack's public development callback secret")
                : List.of();
    }

    /** The actuator endpoints (but health) must need the admin token. */
    static List<String> managementProblems(ManagementProperties management) {
        return management.requireAdminToken() ? List.of()
                : List.of("dispatcher.management.require-admin-token must be true");
    }

    static List<String> problems(String adminToken, boolean allowPrivateUrls, String datasourceUrl) {
        List<String> problems = new ArrayList<>();
        if (adminToken == null || adminToken.length() < MIN_TOKEN_LENGTH || LOCAL_ADMIN_TOKEN.equals(adminToken)) {
            problems.add("dispatcher.admin.token must be set to a secret of at least " + MIN_TOKEN_LENGTH
                    + " characters (not the local stack's development token)");
        }
        if (allowPrivateUrls) {
            problems.add("dispatcher.directory.allow-private-urls must be false");
        }
        if (datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:")) {
            problems.add("spring.datasource.url must point at PostgreSQL, not the embedded H2 database");
        }
        return problems;
    }

    /** No active key, or the development key configured under any key id. */
    static List<String> secretsProblems(SecretsProperties secrets) {
        List<String> problems = new ArrayList<>();
        if (secrets.activeKey().isEmpty()) {
            problems.add("hookline.secrets.active-key must name a key of hookline.secrets.keys.<key-id> (the base64 "
                    + "of 32 random bytes) that encrypts the stored endpoint secrets");
        }
        secrets.keys().forEach((id, key) -> {
            if (LOCAL_SECRETS_KEY.equals(key)) {
                problems.add("hookline.secrets.keys." + id + " is the local stack's public development key");
            }
        });
        return problems;
    }
}
