package io.hookline.dispatcher.autodisable;

import io.hookline.dispatcher.endpoint.Disablement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The auto-disable decision, a pure function: an endpoint whose attempts have all failed for at least
 * {@code after} (its latest failure at least that long after the first failure since its last success) is
 * disabled, with a reason that says so and the streak's start as {@code failing_since}. An endpoint with no
 * failure streak, or a shorter one, stays enabled. Like Svix, the span is measured between failures, so an
 * endpoint that failed once and then got no traffic is not disabled for its silence. Stateless, thread-safe.
 */
final class AutoDisablePolicy {

    private final Duration after;

    AutoDisablePolicy(Duration after) {
        this.after = after;
    }

    /** The disablement to apply at {@code now}, or empty to leave the endpoint as it is. */
    Optional<Disablement> decide(Optional<FailureStreak> streak, Instant now) {
        return streak.filter(failures -> failures.span().compareTo(after) >= 0)
                .map(failures -> new Disablement(reason(), now, failures.firstFailure()));
    }

    String reason() {
        return "every attempt failed for at least " + human(after) + " (hookline.dispatcher.auto-disable.after=" + after + ")";
    }

    private static String human(Duration duration) {
        if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0
                && duration.toSecondsPart() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
