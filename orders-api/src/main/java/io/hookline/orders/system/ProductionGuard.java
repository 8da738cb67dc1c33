package io.hookline.orders.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: the orders and their outbox must
 * live in a real database server, not the embedded H2 file.
 */
@Component
@Profile("prod")
class ProductionGuard {

    ProductionGuard(Environment environment) {
        List<String> problems = problems(environment.getProperty("spring.datasource.url", ""));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(String datasourceUrl) {
        List<String> problems = new ArrayList<>();
        if (datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:")) {
            problems.add("spring.datasource.url must point at PostgreSQL, not the embedded H2 database");
        }
        return problems;
    }
}
