package io.hookline.orders;

import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put on a subclass of an {@link ApiTestSupport} test: the same tests then run against PostgreSQL (a fresh
 * schema of {@link TestPostgres}, migrated by Flyway) instead of H2. Every class so annotated shares one
 * application context and schema. Without a reachable PostgreSQL the class is skipped, and the output says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(UsesTestPostgres.RequiresPostgres.class)
@ContextConfiguration(initializers = UsesTestPostgres.PostgresSchema.class)
public @interface UsesTestPostgres {

    /** Skips the class (before its context loads) when no PostgreSQL answers. */
    final class RequiresPostgres implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            Prerequisites.require(TestPostgres.available().isPresent(),
                    context.getDisplayName() + ": " + TestPostgres.unavailableReason());
        }
    }

    /** Points the context's data source at a new, empty PostgreSQL schema. */
    final class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.freshSchema(),
                    "spring.datasource.username=" + TestPostgres.user(),
                    "spring.datasource.password=" + TestPostgres.password())
                    .applyTo(context);
        }
    }
}
