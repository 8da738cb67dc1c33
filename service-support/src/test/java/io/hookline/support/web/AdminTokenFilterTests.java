package io.hookline.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminTokenFilterTests {

    private final AdminTokenFilter filter = new AdminTokenFilter("token",
            List.of("/actuator", "/notifications"), List.of("/actuator/health"));

    @Test
    void protectsThePathsAndEverythingUnderThem() {
        assertThat(filter.protects("/actuator")).isTrue();
        assertThat(filter.protects("/actuator/prometheus")).isTrue();
        assertThat(filter.protects("/actuator/env/spring.datasource.url")).isTrue();
        assertThat(filter.protects("/notifications")).isTrue();
    }

    @Test
    void leavesTheOpenPathsAndOtherPathsAlone() {
        assertThat(filter.protects("/actuator/health")).isFalse();
        assertThat(filter.protects("/actuator/health/readiness")).isFalse();
        assertThat(filter.protects("/webhooks/order-paid")).isFalse();
        assertThat(filter.protects("/notificationsx")).isFalse();
    }

    @Test
    void aPathThatOnlyStartsLikeAnOpenOneIsStillProtected() {
        assertThat(filter.protects("/actuator/healthdump")).isTrue();
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(filter.toString()).doesNotContain("token]").contains("token=***");
    }
}
