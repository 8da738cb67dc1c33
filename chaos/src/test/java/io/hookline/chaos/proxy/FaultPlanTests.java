package io.hookline.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTests {

    private final FaultPlan plan = new FaultPlan(13L, FaultShares.DEFAULT);

    @Test
    void theSameSeedWebhookAndRequestAlwaysGetTheSameFault() {
        FaultPlan again = new FaultPlan(13L, FaultShares.DEFAULT);
        for (int n = 0; n < 500; n++) {
            assertThat(again.decide("evt-" + n, 1)).isEqualTo(plan.decide("evt-" + n, 1));
            assertThat(again.decide("evt-" + n, 2)).isEqualTo(plan.decide("evt-" + n, 2));
        }
    }

    @Test
    void requestsAfterTheFaultyOnesAreAlwaysForwarded() {
        for (int n = 0; n < 2000; n++) {
            assertThat(plan.decide("evt-" + n, 3)).isEqualTo(Fault.FORWARD);
        }
    }

    @Test
    void faultsComeInRoughlyTheirShares() {
        Map<Fault, Integer> seen = new EnumMap<>(Fault.class);
        int requests = 20_000;
        for (int n = 0; n < requests; n++) {
            seen.merge(plan.decide(java.util.UUID.nameUUIDFromBytes(("" + n).getBytes()).toString(), 1), 1,
                    Integer::sum);
        }
        assertThat(seen.get(Fault.CLOSE) / (double) requests).isBetween(0.04, 0.06);
        assertThat(seen.get(Fault.HANG) / (double) requests).isBetween(0.04, 0.06);
        assertThat(seen.get(Fault.LOSE_ACK) / (double) requests).isBetween(0.085, 0.115);
        assertThat(seen.get(Fault.FORWARD) / (double) requests).isBetween(0.77, 0.83);
    }

    @Test
    void noSharesMeansEverythingIsForwarded() {
        FaultPlan none = new FaultPlan(1L, FaultShares.NONE);
        assertThat(none.decide("evt", 1)).isEqualTo(Fault.FORWARD);
    }
}
