package io.hookline.support.production;

import java.util.List;
import org.springframework.core.env.Environment;

/** Every service keeps its state in a real database server in production, never the embedded H2 file. */
public final class DatasourceProductionCheck implements ProductionCheck {

    static final String DATASOURCE_URL = "spring.datasource.url";

    private final Environment environment;

    DatasourceProductionCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<String> violations() {
        return violations(environment.getProperty(DATASOURCE_URL, ""));
    }

    /** The rule on its own: a blank or H2 URL is refused. */
    public static List<String> violations(String datasourceUrl) {
        return datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:")
                ? List.of(DATASOURCE_URL + " must point at PostgreSQL, not the embedded H2 database")
                : List.of();
    }
}
