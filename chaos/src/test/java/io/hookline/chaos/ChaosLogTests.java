package io.hookline.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosLogTests {

    @Test
    void countsEachMomentUnderTheLastStepNotedBeforeIt() {
        ChaosLog log = new ChaosLog();
        long beforeAnything = System.nanoTime();
        log.note("kill -9 webhook-dispatcher (pid 1)");
        long afterKill = System.nanoTime();
        log.note("broker stopping");
        long afterBroker = System.nanoTime();

        assertThat(log.countByLastNote(List.of(afterBroker, beforeAnything, afterKill, afterBroker)))
                .containsExactly(java.util.Map.entry("start", 1),
                        java.util.Map.entry("kill -9 webhook-dispatcher (pid 1)", 1),
                        java.util.Map.entry("broker stopping", 2));
    }
}
