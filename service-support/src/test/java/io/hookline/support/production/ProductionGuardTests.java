package io.hookline.support.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionGuardTests {

    @Test
    void refusesTheEmbeddedH2DatabaseAndAMissingUrl() {
        assertThat(DatasourceProductionCheck.violations("jdbc:h2:file:./data/orders-api/orders"))
                .singleElement().asString().contains("spring.datasource.url");
        assertThat(DatasourceProductionCheck.violations("")).singleElement().asString()
                .contains("spring.datasource.url");
    }

    @Test
    void acceptsAPostgresUrl() {
        assertThat(DatasourceProductionCheck.violations("jdbc:postgresql://postgres:5432/orders")).isEmpty();
    }

    @Test
    void refusesToStartListingTheViolationsOfEveryCheck() {
        List<ProductionCheck> checks = List.of(() -> List.of("a.b must be set"), List::of,
                () -> List.of("c.d must be true", "e.f must not be the development key"));

        assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(checks))
                .withMessage("The prod profile refuses to start: a.b must be set; c.d must be true; "
                        + "e.f must not be the development key");
    }

    @Test
    void startsWhenNoCheckFindsAnything() {
        new ProductionGuard(List.of(List::of, List::of));
    }
}
