package io.hookline.orders.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: the orders and their outbox must
 * live in a real database server, not the embedded H2 file; an admin key of at least 32 characters must be
 * configured, and no development credential may be in force. Each problem names its property. (That the
 * development client key is not active in the database is checked where it is seeded.)
 */
@Component
@Profile("prod")
class ProductionGuard {

    static final String ADMIN_KEY = "orders.auth.admin-key";
    static final String DEVELOPMENT_ENABLED = "orders.auth.development-keys.enabled";
    static final String DEVELOPMENT_CLIENT_KEY = "orders.auth.development-keys.client-key";
    static final String DEVELOPMENT_ADMIN_KEY = "orders.auth.development-keys.admin-key";
    static final String MANAGEMENT = "orders.auth.management.require-admin-key";
    static final int MIN_ADMIN_KEY_LENGTH = 32;
    /** Every documented development key starts so. */
    static final String DEVELOPMENT_KEY_PREFIX = "sk_test_hookline_dev_";
    static final String CALLBACKS_SECRET = "orders.callbacks.secret";
    /** The local stack's public callback master secret (its {@code StackSettings.DEVELOPMENT_CALLBACKS_SECRET}). */
    static final String LOCAL_CALLBACKS_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtY2FsbGJhY2stbWFzdGVyISE=";

    ProductionGuard(Environment environment) {
        List<String> problems = new ArrayList<>(problems(environment.getProperty("spring.datasource.url", "")));
        problems.addAll(authProblems(new AuthSettings(
                environment.getProperty(ADMIN_KEY, ""),
                environment.getProperty(DEVELOPMENT_ENABLED, Boolean.class, false),
                environment.getProperty(DEVELOPMENT_CLIENT_KEY, ""),
                environment.getProperty(DEVELOPMENT_ADMIN_KEY, ""),
                environment.getProperty(MANAGEMENT, Boolean.class, false))));
        problems.addAll(callbackProblems(environment.getProperty(CALLBACKS_SECRET, "")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
        }
    }

    /** The callback master secret must not be the local stack's public one. */
    static List<String> callbackProblems(String callbacksSecret) {
        return LOCAL_CALLBACKS_SECRET.equals(callbacksSecret.trim())
                ? List.of(CALLBACKS_SECRET + " is the local stack's public development callback secret")
                : List.of();
    }

    static List<String> problems(String datasourceUrl) {
        List<String> problems = new ArrayList<>();
        if (datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:")) {
            problems.add("spring.datasource.url must point at PostgreSQL, not the embedded H2 database");
        }
        return problems;
    }

    /** What is wrong with the authentication settings for production (never quoting a key). */
    static List<String> authProblems(AuthSettings auth) {
        List<String> problems = new ArrayList<>();
        String admin = auth.adminKey().strip();
        if (admin.length() < MIN_ADMIN_KEY_LENGTH) {
            problems.add(ADMIN_KEY + " (ORDERS_AUTH_ADMIN_KEY) must be set to a secret of at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters");
        } else if (admin.startsWith(DEVELOPMENT_KEY_PREFIX) || admin.equals(auth.developmentClientKey())
                || admin.equals(auth.developmentAdminKey())) {
            problems.add(ADMIN_KEY + " must not be a development key");
        }
        if (auth.developmentEnabled()) {
            problems.add(DEVELOPMENT_ENABLED + " must be false: the development client and admin keys are public");
        }
        if (!auth.managementRequiresAdminKey()) {
            problems.add(MANAGEMENT + " must be true: /actuator/** would be open to anyone");
        }
        return problems;
    }

    /** The authentication properties the guard checks, as configured. */
    record AuthSettings(String adminKey, boolean developmentEnabled, String developmentClientKey,
            String developmentAdminKey, boolean managementRequiresAdminKey) {

        @Override
        public String toString() {
            return "AuthSettings[keys=***, developmentEnabled=" + developmentEnabled + "]";
        }
    }
}
