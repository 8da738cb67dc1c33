package io.hookline.chaos;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the chaos did and when, relative to the start of the order stream; for the report. Thread-safe. */
final class ChaosLog {

    private static final Logger log = LoggerFactory.getLogger(ChaosLog.class);

    private final long startNanos = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void note(String what) {
        String line = String.format("t+%5.1fs %s", seconds(), what);
        lines.add(line);
        log.info("chaos: {}", line);
    }

    synchronized void failed(String what) {
        note("FAILED: " + what);
        failures.add(what);
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
