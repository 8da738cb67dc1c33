package io.hookline.dispatcher.health;

import io.hookline.dispatcher.endpoint.EndpointCatalog;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.NotFoundException;
import io.hookline.support.problem.RequestValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /endpoints/{id}/history?window=PT1H} (admin): the endpoint's outcomes per minute over the window
 * (PT1M to PT1H, whole minutes, rounded up), oldest first, as this instance saw them ({@code scope: instance}).
 */
@RestController
class HistoryController {

    /** The answer; {@code scope} says whose view it is: this instance's. */
    record History(String endpointId, Duration window, String scope, List<MinuteOutcomes> data) {
    }

    private final OutcomeHistory history;
    private final EndpointCatalog endpoints;

    HistoryController(OutcomeHistory history, EndpointCatalog endpoints) {
        this.history = history;
        this.endpoints = endpoints;
    }

    @GetMapping("/endpoints/{id}/history")
    History history(@PathVariable String id, @RequestParam(defaultValue = "PT1H") String window) {
        int minutes = minutes(window);
        if (endpoints.find(id).isEmpty()) {
            throw new NotFoundException("There is no endpoint " + id + ".");
        }
        return new History(id, Duration.ofMinutes(minutes), "instance", history.history(id, minutes));
    }

    private static int minutes(String text) {
        try {
            Duration window = Duration.parse(text.trim());
            if (!window.isNegative() && !window.isZero() && window.compareTo(Duration.ofHours(1)) <= 0) {
                return (int) Math.ceilDiv(window.toSeconds(), 60);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new RequestValidationException(List.of(new FieldViolation("window",
                "must be an ISO-8601 duration from PT1M to PT1H, e.g. PT1H")));
    }
}
