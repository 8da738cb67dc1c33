package io.hookline.dispatcher.deadletter.api;

import io.hookline.dispatcher.deadletter.actions.DeadLetterReplays;
import io.hookline.dispatcher.deadletter.actions.EndpointRecovery;
import io.hookline.dispatcher.deadletter.api.DeadLetterRequests.Action;
import io.hookline.dispatcher.endpoint.Disablement;
import io.hookline.dispatcher.endpoint.EndpointView;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /endpoints/{id}/enable} (admin), for endpoints of either source: enables the endpoint and offers the
 * replay of its dead letters since it was disabled. Optional body {@code {"replay_dead_letters": true,
 * "operator": "…"}} replays them in the same call. A bad body is a 422 and changes nothing.
 */
@RestController
class EndpointRecoveryController {

    private static final Set<String> FIELDS = Set.of("replay_dead_letters", "operator");

    /** The endpoint as it is now, why it was disabled, its backlog, and (asked for) the replay's counts. */
    record EnableAnswer(String id, String url, String description, List<String> eventTypes, boolean enabled,
            String source, Instant createdAt, Instant updatedAt, Disablement previouslyDisabled,
            EndpointRecovery.Backlog deadLetters, DeadLetterViews.BulkReplayed replayed) {

        static EnableAnswer of(EndpointRecovery.Recovered recovered) {
            EndpointView endpoint = recovered.endpoint();
            DeadLetterReplays.Bulk replayed = recovered.replayed();
            return new EnableAnswer(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                    endpoint.enabled(), endpoint.source(), endpoint.createdAt(), endpoint.updatedAt(),
                    recovered.previously(), recovered.deadLetters(),
                    replayed == null ? null : new DeadLetterViews.BulkReplayed(replayed.queued(), replayed.skipped()));
        }
    }

    private final EndpointRecovery recovery;

    EndpointRecoveryController(EndpointRecovery recovery) {
        this.recovery = recovery;
    }

    @PostMapping("/endpoints/{id}/enable")
    EnableAnswer enable(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonNode object = body == null || body.isNull() ? null : body;
        if (object != null && !object.isObject()) {
            throw new RequestValidationException(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        DeadLetterRequests.unknownFields(object, FIELDS, violations);
        JsonNode replay = object == null ? null : object.get("replay_dead_letters");
        if (replay != null && !replay.isNull() && !replay.isBoolean()) {
            violations.add(new FieldViolation("replay_dead_letters", "must be true or false"));
        }
        Action action = DeadLetterRequests.action(object, false, violations);
        DeadLetterRequests.throwIfAny(violations);
        boolean replayNow = replay != null && replay.isBoolean() && replay.asBoolean();
        return EnableAnswer.of(recovery.enable(id, replayNow, action.operator()));
    }
}
