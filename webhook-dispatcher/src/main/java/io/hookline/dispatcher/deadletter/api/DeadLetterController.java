package io.hookline.dispatcher.deadletter.api;

import io.hookline.dispatcher.attempt.AttemptQueries;
import io.hookline.dispatcher.attempt.DeliveryAttempt;
import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterSources;
import io.hookline.dispatcher.deadletter.actions.DeadLetterDiscards;
import io.hookline.dispatcher.deadletter.actions.DeadLetterReplays;
import io.hookline.dispatcher.deadletter.api.DeadLetterRequests.Action;
import io.hookline.dispatcher.deadletter.api.DeadLetterRequests.BulkRequest;
import io.hookline.dispatcher.deadletter.api.DeadLetterRequests.ListRequest;
import io.hookline.dispatcher.deadletter.api.DeadLetterViews.Detail;
import io.hookline.dispatcher.deadletter.api.DeadLetterViews.EndpointNow;
import io.hookline.dispatcher.deadletter.api.DeadLetterViews.Page;
import io.hookline.dispatcher.deadletter.api.DeadLetterViews.Summary;
import io.hookline.dispatcher.deadletter.api.DeadLetterViews.Totals;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.dispatcher.endpoint.EndpointCatalog;
import io.hookline.support.problem.NotFoundException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dead-letter API (admin; see {@code WebConfiguration}): list, get, replay, discard. */
@RestController
@RequestMapping("/dead-letters")
class DeadLetterController {

    private final DeadLetterQueries queries;
    private final DeadLetterReplays replays;
    private final DeadLetterDiscards discards;
    private final AttemptQueries attempts;
    private final EndpointCatalog endpoints;
    private final JsonMapper json;
    private final String topic;

    DeadLetterController(DeadLetterQueries queries, DeadLetterReplays replays, DeadLetterDiscards discards,
            AttemptQueries attempts, EndpointCatalog endpoints, JsonMapper json, DeadLetterSources sources) {
        this.topic = sources.deliveries();
        this.queries = queries;
        this.replays = replays;
        this.discards = discards;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.json = json;
    }

    /** Newest first; {@code totals} count everything the filter matches, across pages. */
    @GetMapping
    Page list(@RequestParam MultiValueMap<String, String> params) {
        ListRequest request = DeadLetterRequests.list(params);
        DeadLetterFilter filter = request.filter().onTopic(topic);
        List<DeadLetter> rows = queries.page(filter, request.cursor(), request.limit() + 1, false);
        boolean more = rows.size() > request.limit();
        List<DeadLetter> shown = more ? rows.subList(0, request.limit()) : rows;
        DeadLetterEntry last = shown.isEmpty() ? null : shown.getLast().entry();
        String next = more ? new DeadLetterCursor(last.deadLetteredAt(), last.id()).encode() : null;
        Totals totals = new Totals(queries.count(filter), queries.countByEndpoint(filter));
        return new Page(shown.stream().map(Summary::of).toList(), more, next, totals);
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable String id) {
        DeadLetter deadLetter = queries.find(delivery(id))
                .orElseThrow(() -> new NotFoundException("There is no dead letter " + id + "."));
        DeadLetterEntry entry = deadLetter.entry();
        EndpointNow endpoint = entry.endpointId() == null ? null
                : endpoints.find(entry.endpointId()).map(EndpointNow::of).orElse(null);
        List<DeliveryAttempt> attemptLog = entry.deliveryId() == null ? List.of()
                : attempts.forDelivery(entry.eventId(), entry.deliveryId());
        return Detail.of(deadLetter, payload(entry.body()), attemptLog, endpoint);
    }

    /** 202 when queued now; 200 with {@code queued: 0} when it was replayed already. */
    @PostMapping("/{id}/replay")
    ResponseEntity<DeadLetterViews.Replayed> replay(@PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Action action = DeadLetterRequests.single(body, false);
        DeadLetterReplays.Single result = replays.replay(delivery(id), action.operator());
        return ResponseEntity.status(result.queued() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new DeadLetterViews.Replayed(result.queued() ? 1 : 0, Summary.of(result.deadLetter())));
    }

    @PostMapping("/replay")
    ResponseEntity<DeadLetterViews.BulkReplayed> replayMatching(@RequestBody(required = false) JsonNode body) {
        BulkRequest request = DeadLetterRequests.bulk(body, false);
        DeadLetterReplays.Bulk result = replays.replayMatching(request.filter().onTopic(topic),
                request.action().operator());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new DeadLetterViews.BulkReplayed(result.queued(), result.skipped()));
    }

    @PostMapping("/{id}/discard")
    Summary discard(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Action action = DeadLetterRequests.single(body, true);
        return Summary.of(discards.discard(delivery(id), action.operator(), action.reason()));
    }

    @PostMapping("/discard")
    DeadLetterViews.BulkDiscarded discardMatching(@RequestBody(required = false) JsonNode body) {
        BulkRequest request = DeadLetterRequests.bulk(body, true);
        return new DeadLetterViews.BulkDiscarded(discards.discardMatching(request.filter().onTopic(topic),
                request.action().operator(), request.action().reason()));
    }

    /** A delivery's dead-letter id ({@code dl_…}); the other dead-letter topics have their own API. */
    private static String delivery(String id) {
        if (!id.startsWith("dl_")) {
            throw new NotFoundException("There is no dead letter " + id + ".");
        }
        return id;
    }

    private JsonNode payload(String body) {
        if (body == null) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
