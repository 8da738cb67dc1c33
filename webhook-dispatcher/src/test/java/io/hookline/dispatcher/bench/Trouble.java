package io.hookline.dispatcher.bench;

/** The ways the partial-failure benchmark's second endpoint misbehaves (issue 12), in table order. */
enum Trouble {

    REFUSED("dead (connection refused)", false),
    HANGING("hanging (accepts, never answers)", false),
    FLAKY("30 % random 500, else 200 after 50 ms", true),
    FIRST_ATTEMPT_FAILS("first attempt per webhook-id 500, then 200 after 50 ms", true),
    RETRY_AFTER_HOUR("503 with Retry-After: 3600", false);

    private final String description;
    private final boolean canDeliverEverything;

    Trouble(String description, boolean canDeliverEverything) {
        this.description = description;
        this.canDeliverEverything = canDeliverEverything;
    }

    String description() {
        return description;
    }

    /** Whether an engine can get every delivery acknowledged within the run (so the run waits for that). */
    boolean canDeliverEverything() {
        return canDeliverEverything;
    }
}
