package io.hookline.dispatcher.deadletter.api;

import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.endpoint.Disablement;
import io.hookline.dispatcher.endpoint.EndpointCatalog;
import io.hookline.dispatcher.endpoint.EndpointView;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-endpoint health for operators (admin): attempts and successes in a recent window, and the dead letters still
 * waiting ({@code status = dead}), for every endpoint, configured or created through the API. Never secrets. The
 * counts come from the per-minute counters the attempt-log writer keeps ({@code endpoint_attempt_counts}), never
 * from a scan of {@code delivery_attempts}: the window starts at the beginning of its first minute, and an attempt
 * is counted once its batch is written (milliseconds after it, or when the database is back).
 */
@RestController
class EndpointStatsController {

    static final Duration MAX_WINDOW = Duration.ofDays(30);

    record EndpointStats(String endpointId, String url, String description, boolean enabled, String source,
            String disabledReason, Instant disabledAt, Instant failingSince, long attempts, long succeeded,
            Double successRate, long deadLetters) {
    }

    private record Counts(long attempts, long succeeded) {
    }

    private final EndpointCatalog endpoints;
    private final JdbcClient jdbc;
    private final Clock clock;

    EndpointStatsController(EndpointCatalog endpoints, JdbcClient jdbc, Clock clock) {
        this.endpoints = endpoints;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/endpoint-stats")
    Map<String, List<EndpointStats>> stats(@RequestParam(defaultValue = "PT1H") String window) {
        Duration length = window(window);
        Map<String, Counts> attempts = new HashMap<>();
        jdbc.sql("""
                select endpoint_id, sum(attempts), sum(succeeded) from endpoint_attempt_counts
                where minute_start >= ? group by endpoint_id""")
                .param(DeadLetterFilter.utc(clock.instant().minus(length).truncatedTo(ChronoUnit.MINUTES)))
                .query(rs -> {
                    attempts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        Map<String, Long> dead = new HashMap<>();
        jdbc.sql("select endpoint_id, count(*) from dead_letters where status = 'dead' and endpoint_id is not null "
                + "group by endpoint_id").query(rs -> {
                    dead.put(rs.getString(1), rs.getLong(2));
                });
        return Map.of("data", endpoints.all().stream().map(endpoint -> stats(endpoint,
                attempts.getOrDefault(endpoint.id(), new Counts(0, 0)), dead.getOrDefault(endpoint.id(), 0L)))
                .toList());
    }

    private static EndpointStats stats(EndpointView endpoint, Counts counts, long deadLetters) {
        Double rate = counts.attempts() == 0 ? null : (double) counts.succeeded() / counts.attempts();
        Disablement disabled = endpoint.disabled();
        return new EndpointStats(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.enabled(),
                endpoint.source(), disabled == null ? null : disabled.reason(),
                disabled == null ? null : disabled.disabledAt(), disabled == null ? null : disabled.failingSince(),
                counts.attempts(), counts.succeeded(), rate, deadLetters);
    }

    private static Duration window(String text) {
        try {
            Duration window = Duration.parse(text.trim());
            if (!window.isNegative() && !window.isZero() && window.compareTo(MAX_WINDOW) <= 0) {
                return window;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new RequestValidationException(List.of(new FieldViolation("window",
                "must be an ISO-8601 duration from PT1S to P30D, e.g. PT1H")));
    }
}
