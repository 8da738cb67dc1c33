package io.hookline.dispatcher.system;

import io.hookline.support.production.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile: a real admin token (not the local stack's public one), and the actuator
 * endpoints (but health) behind it.
 */
@Component
@Profile("prod")
class AdminProductionCheck implements ProductionCheck {

    /** The local stack's public development admin token. */
    static final String LOCAL_ADMIN_TOKEN = "hookline-local-admin-token";
    private static final int MIN_TOKEN_LENGTH = 24;

    private final AdminProperties admin;
    private final ManagementProperties management;

    AdminProductionCheck(AdminProperties admin, ManagementProperties management) {
        this.admin = admin;
        this.management = management;
    }

    @Override
    public List<String> violations() {
        List<String> violations = new ArrayList<>(tokenViolations(admin.token()));
        violations.addAll(managementViolations(management));
        return violations;
    }

    static List<String> tokenViolations(String adminToken) {
        if (adminToken == null || adminToken.length() < MIN_TOKEN_LENGTH || LOCAL_ADMIN_TOKEN.equals(adminToken)) {
            return List.of("hookline.dispatcher.admin.token must be set to a secret of at least " + MIN_TOKEN_LENGTH
                    + " characters (not the local stack's development token)");
        }
        return List.of();
    }

    /** The actuator endpoints (but health) must need the admin token. */
    static List<String> managementViolations(ManagementProperties management) {
        return management.requireAdminToken() ? List.of()
                : List.of("hookline.dispatcher.management.require-admin-token must be true");
    }
}
