package io.hookline.receiver.system;

import io.hookline.support.production.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, the admin token (of {@code GET /notifications} and the actuator endpoints, which
 * must need it) must be a real secret.
 */
@Component
@Profile("prod")
class AdminProductionCheck implements ProductionCheck {

    private static final int MIN_TOKEN_LENGTH = 24;

    private final AdminProperties admin;
    private final ManagementProperties management;

    AdminProductionCheck(AdminProperties admin, ManagementProperties management) {
        this.admin = admin;
        this.management = management;
    }

    @Override
    public List<String> violations() {
        return violations(admin, management);
    }

    /** The admin token must be a real secret, and the actuator endpoints (but health) must need it. */
    static List<String> violations(AdminProperties admin, ManagementProperties management) {
        List<String> problems = new ArrayList<>();
        if (admin.token().length() < MIN_TOKEN_LENGTH || AdminProperties.DEVELOPMENT_TOKEN.equals(admin.token())) {
            problems.add("hookline.receiver.admin.token must be set to a secret of at least " + MIN_TOKEN_LENGTH
                    + " characters (not the public development token)");
        }
        if (!management.requireAdminToken()) {
            problems.add("hookline.receiver.management.require-admin-token must be true");
        }
        return problems;
    }
}
