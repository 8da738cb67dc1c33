package io.hookline.orders.auth;

import io.hookline.support.production.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile: an admin key of at least 32 characters must be configured, no development
 * credential may be in force and {@code /actuator/**} must need the admin key. (That the development client key
 * is not active in the database is checked where it is seeded.) Each violation names its property.
 */
@Component
@Profile("prod")
class AuthProductionCheck implements ProductionCheck {

    static final String ADMIN_KEY = "hookline.orders.auth.admin-key";
    static final String DEVELOPMENT_ENABLED = "hookline.orders.auth.development-keys.enabled";
    static final String DEVELOPMENT_CLIENT_KEY = "hookline.orders.auth.development-keys.client-key";
    static final String DEVELOPMENT_ADMIN_KEY = "hookline.orders.auth.development-keys.admin-key";
    static final String MANAGEMENT = "hookline.orders.auth.management.require-admin-key";
    static final int MIN_ADMIN_KEY_LENGTH = 32;
    /** Every documented development key starts so. */
    static final String DEVELOPMENT_KEY_PREFIX = "sk_test_hookline_dev_";

    private final Environment environment;

    AuthProductionCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<String> violations() {
        return violations(new AuthSettings(
                environment.getProperty(ADMIN_KEY, ""),
                environment.getProperty(DEVELOPMENT_ENABLED, Boolean.class, false),
                environment.getProperty(DEVELOPMENT_CLIENT_KEY, ""),
                environment.getProperty(DEVELOPMENT_ADMIN_KEY, ""),
                environment.getProperty(MANAGEMENT, Boolean.class, false)));
    }

    /** What is wrong with the authentication settings for production (never quoting a key). */
    static List<String> violations(AuthSettings auth) {
        List<String> problems = new ArrayList<>();
        String admin = auth.adminKey().strip();
        if (admin.length() < MIN_ADMIN_KEY_LENGTH) {
            problems.add(ADMIN_KEY + " (HOOKLINE_ORDERS_AUTH_ADMIN_KEY) must be set to a secret of at least "
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

    /** The authentication properties the check reads, as configured. */
    record AuthSettings(String adminKey, boolean developmentEnabled, String developmentClientKey,
            String developmentAdminKey, boolean managementRequiresAdminKey) {

        @Override
        public String toString() {
            return "AuthSettings[keys=***, developmentEnabled=" + developmentEnabled + "]";
        }
    }
}
