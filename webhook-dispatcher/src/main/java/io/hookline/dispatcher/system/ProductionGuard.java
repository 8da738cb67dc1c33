package io.hookline.dispatcher.system;

import io.hookline.dispatcher.endpoint.DirectoryProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: a real admin token (not the local
 * stack's public one), a real database server, no endpoint URLs on private networks, and the actuator
 * endpoints behind the admin token.
 */
@Component
@Profile("prod")
class ProductionGuard {

    /** The local stack's public development admin token. */
    static final String LOCAL_ADMIN_TOKEN = "hookline-local-admin-token";
    private static final int MIN_TOKEN_LENGTH = 24;

    ProductionGuard(AdminProperties admin, DirectoryProperties directory, ManagementProperties management,
            Environment environment) {
        List<String> problems = new ArrayList<>(problems(admin.token(), directory.allowPrivateUrls(),
                environment.getProperty("spring.datasource.url", "")));
        problems.addAll(managementProblems(management));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
        }
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
}
