package io.hookline.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the chaos did and when, relative to the start of the order stream; for the report. Thread-safe. */
final class ChaosLog {

    private static final Logger log = LoggerFactory.getLogger(ChaosLog.class);

    private final long startNanos = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private final List<Long> linesAt = new ArrayList<>();
    private final List<String> whats = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void note(String what) {
        String line = String.format("t+%5.1fs %s", seconds(), what);
        lines.add(line);
        linesAt.add(System.nanoTime());
        whats.add(what);
        log.info("chaos: {}", line);
    }

    synchronized void failed(String what) {
        note("FAILED: " + what);
        failures.add(what);
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Counts moments by the last thing noted before each ("start" before the first note), in the order of the
     * notes: which fault a later effect followed.
     */
    synchronized Map<String, Integer> countByLastNote(List<Long> moments) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (long moment : moments) {
            int last = -1;
            for (int i = 0; i < linesAt.size() && linesAt.get(i) <= moment; i++) {
                last = i;
            }
            counts.merge(last < 0 ? "start" : whats.get(last), 1, Integer::sum);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        if (counts.containsKey("start")) {
            ordered.put("start", counts.get("start"));
        }
        whats.stream().filter(counts::containsKey).forEach(what -> ordered.put(what, counts.get(what)));
        return ordered;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
