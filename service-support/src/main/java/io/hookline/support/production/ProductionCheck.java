package io.hookline.support.production;

import java.util.List;

/**
 * One rule the {@code prod} profile enforces before the service starts, contributed as a bean by the feature that
 * owns the setting. {@link ProductionGuard} runs every check and refuses to start, listing every violation.
 */
@FunctionalInterface
public interface ProductionCheck {

    /**
     * What is wrong with the configuration for production, each violation naming the property it refuses (e.g.
     * {@code spring.datasource.url must point at PostgreSQL, ...}) and never quoting a secret; empty when all is well.
     */
    List<String> violations();
}
