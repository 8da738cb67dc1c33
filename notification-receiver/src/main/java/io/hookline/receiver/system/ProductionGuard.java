package io.hookline.receiver.system;

import io.hookline.receiver.verification.VerificationProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: the public development signing
 * secret must not be accepted, notifications must live in a real database server, and the admin token (of
 * {@code GET /notifications} and the actuator endpoints, which must need it) must be a real secret.
 */
@Component
@Profile("prod")
class ProductionGuard {

    private static final int MIN_TOKEN_LENGTH = 24;

    ProductionGuard(VerificationProperties verification, AdminProperties admin, ManagementProperties management,
            Environment environment) {
        List<String> problems = new ArrayList<>(problems(verification.secrets(),
                environment.getProperty("spring.datasource.url", "")));
        problems.addAll(adminProblems(admin, management));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
        }
    }

    /** The admin token must be a real secret, and the actuator endpoints (but health) must need it. */
    static List<String> adminProblems(AdminProperties admin, ManagementProperties management) {
        List<String> problems = new ArrayList<>();
        if (admin.token().length() < MIN_TOKEN_LENGTH || AdminProperties.DEVELOPMENT_TOKEN.equals(admin.token())) {
            problems.add("receiver.admin.token must be set to a secret of at least " + MIN_TOKEN_LENGTH
                    + " characters (not the public development token)");
        }
        if (!management.requireAdminToken()) {
            problems.add("receiver.management.require-admin-token must be true");
        }
        return problems;
    }

    static List<String> problems(List<String> secrets, String datasourceUrl) {
        List<String> problems = new ArrayList<>();
        if (secrets.contains(VerificationProperties.DEVELOPMENT_SECRET)) {
            problems.add("receiver.secrets must not contain the public development secret");
        }
        if (datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:")) {
            problems.add("spring.datasource.url must point at PostgreSQL, not the embedded H2 database");
        }
        return problems;
    }
}
