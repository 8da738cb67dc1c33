package io.hookline.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.chaos.mail.ChaosMailServer.ReceivedMail;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailCountTests {

    @Test
    void countsEachPaidOrderOnceAndNamesTheLostAndTheDoubled() {
        MailCount count = MailCount.of(List.of("ord_a", "ord_b", "ord_c", "ord_d"), List.of(
                new ReceivedMail("ord_a", "<e1@x>"),
                new ReceivedMail("ord_b", "<e2@x>"), new ReceivedMail("ord_b", "<e2@x>"),
                new ReceivedMail("ord_c", "<e3@x>"), new ReceivedMail("ord_c", "<e9@x>"), new ReceivedMail("ord_c",
                        "<e9@x>"),
                new ReceivedMail("ord_zzz", "<e4@x>"), new ReceivedMail(null, null)));

        assertThat(count.sent()).isEqualTo(8);
        assertThat(count.ordersEmailed()).isEqualTo(3);
        assertThat(count.lost()).as("ord_d").isEqualTo(1);
        assertThat(count.duplicated()).as("ord_b and ord_c").isEqualTo(2);
        assertThat(count.extra()).isEqualTo(3);
        assertThat(count.extraWithSameMessageId()).isEqualTo(2);
        assertThat(count.unknown()).isEqualTo(2);
    }

    @Test
    void exactlyOnePerOrderIsNeitherLostNorDoubled() {
        MailCount count = MailCount.of(List.of("ord_a", "ord_b"),
                List.of(new ReceivedMail("ord_b", "<e2@x>"), new ReceivedMail("ord_a", "<e1@x>")));

        assertThat(count.lost()).isZero();
        assertThat(count.duplicated()).isZero();
        assertThat(count.extra()).isZero();
    }
}
