package io.hookline.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs from the machine is missing (PostgreSQL, Chromium, the compose
 * tool): on a developer's machine it is skipped and says why; under CI ({@code CI=true}, or the system property
 * {@code ci=true}) it fails, naming what is missing, because a CI run that skips tests proves nothing.
 * {@code bin/test} installs or starts all of them first, so neither happens there. Thread-safe.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /**
     * Returns when {@code present}; otherwise skips the test (developer machine) or fails it (CI).
     *
     * @param missing what is missing and how to get it, e.g. "chromium is not installed (apt-get install chromium)"
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (underCi()) {
            throw new IllegalStateException("Missing test prerequisite under CI: " + missing
                    + ". bin/test installs or starts it; CI never skips a test.");
        }
        Assumptions.abort(missing);
    }

    /** {@code true} when running under CI: the environment variable {@code CI} or the system property {@code ci}. */
    public static boolean underCi() {
        String value = System.getProperty("ci", System.getenv("CI"));
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }
}
