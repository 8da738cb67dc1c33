package io.hookline.support.production;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The production guard of every service: under the {@code prod} profile, {@link ProductionGuard} runs the shared
 * {@link DatasourceProductionCheck} and every {@link ProductionCheck} the service's features contribute.
 */
@AutoConfiguration
@Profile("prod")
public class ProductionGuardAutoConfiguration {

    @Bean
    DatasourceProductionCheck datasourceProductionCheck(Environment environment) {
        return new DatasourceProductionCheck(environment);
    }

    @Bean
    ProductionGuard productionGuard(ObjectProvider<ProductionCheck> checks) {
        return new ProductionGuard(checks.orderedStream().toList());
    }
}
