package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxPropertiesTests {

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new InboxProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), "inbox", "inbox.dlt", null).retryAfterSeconds()).isEqualTo(5);
        assertThat(new InboxProperties(Duration.ofSeconds(5), Duration.ofMillis(1500), "inbox", "inbox.dlt", null).retryAfterSeconds()).isEqualTo(2);
        assertThat(new InboxProperties(Duration.ofSeconds(5), Duration.ZERO, "inbox", "inbox.dlt", null).retryAfterSeconds()).isEqualTo(1);
    }
}
