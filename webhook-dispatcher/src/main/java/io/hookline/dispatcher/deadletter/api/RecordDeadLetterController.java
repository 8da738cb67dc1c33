package io.hookline.dispatcher.deadletter.api;

import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterSources;
import io.hookline.dispatcher.deadletter.HeaderCodec;
import io.hookline.dispatcher.deadletter.RecordSource;
import io.hookline.dispatcher.deadletter.actions.DeadLetterDiscards;
import io.hookline.dispatcher.deadletter.actions.DeadLetterReplays;
import io.hookline.dispatcher.deadletter.actions.RecordReplays;
import io.hookline.dispatcher.deadletter.api.DeadLetterRequests.Action;
import io.hookline.dispatcher.deadletter.api.DeadLetterRequests.ListRequest;
import io.hookline.dispatcher.deadletter.api.RecordDeadLetterViews.Detail;
import io.hookline.dispatcher.deadletter.api.RecordDeadLetterViews.Page;
import io.hookline.dispatcher.deadletter.api.RecordDeadLetterViews.Replayed;
import io.hookline.dispatcher.deadletter.api.RecordDeadLetterViews.Summary;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.support.problem.NotFoundException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API of the two dead-letter topics whose records are not deliveries (admin; see {@code WebConfiguration}):
 * {@code /event-dead-letters} ({@code orders.events.dlt}) and {@code /inbox-dead-letters}
 * ({@code notifications.inbox.dlt}): list (newest first, cursor paging, the deliveries' filters and statuses),
 * get, replay onto the source topic, discard. The index, its cursor, the claims and the discards are the
 * deliveries' ({@link DeadLetterQueries}, {@link DeadLetterDiscards}); only the replay differs
 * ({@link RecordReplays}).
 */
@RestController
class RecordDeadLetterController {

    private static final String BASE = "/{source:event|inbox}-dead-letters";

    private final DeadLetterSources sources;
    private final DeadLetterQueries queries;
    private final RecordReplays replays;
    private final DeadLetterDiscards discards;
    private final JsonMapper json;

    RecordDeadLetterController(DeadLetterSources sources, DeadLetterQueries queries, RecordReplays replays,
            DeadLetterDiscards discards, JsonMapper json) {
        this.sources = sources;
        this.queries = queries;
        this.replays = replays;
        this.discards = discards;
        this.json = json;
    }

    @GetMapping(BASE)
    Page list(@PathVariable String source, @RequestParam MultiValueMap<String, String> params) {
        ListRequest request = DeadLetterRequests.list(params);
        DeadLetterFilter filter = request.filter().onTopic(source(source).deadLetterTopic());
        List<DeadLetter> rows = queries.page(filter, request.cursor(), request.limit() + 1, false);
        boolean more = rows.size() > request.limit();
        List<DeadLetter> shown = more ? rows.subList(0, request.limit()) : rows;
        DeadLetterEntry last = shown.isEmpty() ? null : shown.getLast().entry();
        String next = more ? new DeadLetterCursor(last.deadLetteredAt(), last.id()).encode() : null;
        return new Page(shown.stream().map(Summary::of).toList(), more, next, queries.count(filter));
    }

    @GetMapping(BASE + "/{id}")
    Detail get(@PathVariable String source, @PathVariable String id) {
        RecordSource from = source(source);
        DeadLetter deadLetter = replays.find(from, id);
        DeadLetterEntry entry = deadLetter.entry();
        return new Detail(Summary.of(deadLetter), entry.body(), payload(entry.body()),
                HeaderCodec.view(entry.origin() == null ? null : entry.origin().headers(), json),
                sources.target(from, entry));
    }

    /** 202 when replayed now; 200 with {@code queued: 0} when it was replayed already (nothing sent again). */
    @PostMapping(BASE + "/{id}/replay")
    ResponseEntity<Replayed> replay(@PathVariable String source, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Action action = DeadLetterRequests.single(body, false);
        DeadLetterReplays.Single result = replays.replay(source(source), id, action.operator());
        return ResponseEntity.status(result.queued() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new Replayed(result.queued() ? 1 : 0, Summary.of(result.deadLetter())));
    }

    @PostMapping(BASE + "/{id}/discard")
    Summary discard(@PathVariable String source, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Action action = DeadLetterRequests.single(body, true);
        replays.find(source(source), id);
        return Summary.of(discards.discard(id, action.operator(), action.reason()));
    }

    private RecordSource source(String name) {
        return switch (name) {
            case "event" -> sources.events();
            case "inbox" -> sources.inbox();
            default -> throw new NotFoundException("There is no such dead-letter topic.");
        };
    }

    private JsonNode payload(String body) {
        try {
            return body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
