package io.hookline.dispatcher.attempt;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists recorded attempts per event and per endpoint (admin). */
@RestController
class AttemptController {

    private static final int MAX_LIMIT = 1000;

    private final AttemptQueries attempts;

    AttemptController(AttemptQueries attempts) {
        this.attempts = attempts;
    }

    /** Every attempt for the event, over all its endpoints, oldest first. */
    @GetMapping("/events/{eventId}/attempts")
    Map<String, List<DeliveryAttempt>> forEvent(@PathVariable String eventId) {
        return Map.of("data", attempts.forEvent(eventId));
    }

    /** The endpoint's latest attempts, newest first. */
    @GetMapping("/endpoints/{endpointId}/attempts")
    Map<String, List<DeliveryAttempt>> forEndpoint(@PathVariable String endpointId,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("data", attempts.forEndpoint(endpointId, Math.clamp(limit, 1, MAX_LIMIT)));
    }
}
