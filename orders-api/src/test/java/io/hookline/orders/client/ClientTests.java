package io.hookline.orders.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientTests {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aClientNeverRotatedSignsWithItsOneVersion() {
        assertThat(new Client("cli_a", "A", NOW, 1, null, null).callbackKeyVersions(NOW)).containsExactly(1);
    }

    @Test
    void thePreviousVersionIsSignedWithUntilItsGraceEndsNewestFirst() {
        Client rotated = new Client("cli_a", "A", NOW, 3, 2, NOW.plusSeconds(60));

        assertThat(rotated.callbackKeyVersions(NOW)).containsExactly(3, 2);
        assertThat(rotated.callbackKeyVersions(NOW.plusSeconds(59))).containsExactly(3, 2);
        assertThat(rotated.callbackKeyVersions(NOW.plusSeconds(60))).containsExactly(3);
    }
}
