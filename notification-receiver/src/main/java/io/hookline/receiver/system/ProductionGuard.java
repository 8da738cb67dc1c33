package io.hookline.receiver.system;

import io.hookline.receiver.verification.VerificationProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: the public development signing
 * secret must not be accepted, and notifications must live in a real database server.
 */
@Component
@Profile("prod")
class ProductionGuard {

    ProductionGuard(VerificationProperties verification, Environment environment) {
        List<String> problems = problems(verification.secrets(), environment.getProperty("spring.datasource.url", ""));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
        }
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
