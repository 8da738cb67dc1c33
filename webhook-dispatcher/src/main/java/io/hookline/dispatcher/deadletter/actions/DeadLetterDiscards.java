package io.hookline.dispatcher.deadletter.actions;

import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterActions;
import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.dispatcher.deadletter.index.DeadLetterIndex;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.support.problem.ConflictException;
import io.hookline.support.problem.NotFoundException;
import io.hookline.support.problem.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Discards (marks resolved) dead letters: claim {@code dead → discarded} in the index with who, when and why, then
 * produce the {@code discarded} action; if Kafka does not take it, the claim is released and the call answers
 * 503. A replayed dead letter cannot be discarded. Thread-safe.
 */
@Service
public class DeadLetterDiscards {

    private final DeadLetterQueries queries;
    private final DeadLetterIndex index;
    private final DeadLetterActions actions;
    private final DeadLetterPublisher publisher;
    private final Clock clock;

    DeadLetterDiscards(DeadLetterQueries queries, DeadLetterIndex index, DeadLetterActions actions,
            DeadLetterPublisher publisher, Clock clock) {
        this.queries = queries;
        this.index = index;
        this.actions = actions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public DeadLetter discard(String id, String operator, String reason) {
        DeadLetter deadLetter = find(id);
        if (deadLetter.state().status() == DeadLetterStatus.DISCARDED) {
            return deadLetter;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (deadLetter.state().status() == DeadLetterStatus.REPLAYED || !index.claimDiscard(id, at, operator, reason)) {
            DeadLetter now = find(id);
            if (now.state().status() == DeadLetterStatus.DISCARDED) {
                return now;
            }
            throw new ConflictException("Dead letter " + id + " was replayed; it cannot be discarded.");
        }
        if (publish(List.of(id), at, operator, reason) > 0) {
            throw new ServiceUnavailableException("Kafka did not take the discard of " + id + " in time; nothing changed. "
                    + "Try again.");
        }
        return find(id);
    }

    /** Discards every dead letter (status dead) that matches, a page at a time; answers how many. */
    public int discardMatching(DeadLetterFilter filter, String operator, String reason) {
        DeadLetterFilter dead = filter.withStatus(DeadLetterStatus.DEAD);
        int discarded = 0;
        DeadLetterCursor cursor = null;
        List<DeadLetter> page;
        do {
            page = queries.page(dead, cursor, DeadLetterReplays.PAGE, false);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<String> claimed = new ArrayList<>();
            page.stream().filter(deadLetter -> index.claimDiscard(deadLetter.id(), at, operator, reason))
                    .forEach(deadLetter -> claimed.add(deadLetter.id()));
            int failed = publish(claimed, at, operator, reason);
            discarded += claimed.size() - failed;
            if (failed > 0) {
                throw new ServiceUnavailableException("Kafka did not take every discard in time: " + discarded
                        + " discarded, " + failed + " not (still dead), the rest not tried. Try again.");
            }
            if (!page.isEmpty()) {
                DeadLetterEntry last = page.getLast().entry();
                cursor = new DeadLetterCursor(last.deadLetteredAt(), last.id());
            }
        } while (page.size() == DeadLetterReplays.PAGE);
        return discarded;
    }

    /** Produces the claimed discards' actions; releases the claims Kafka did not take; answers how many failed. */
    private int publish(List<String> claimed, Instant at, String operator, String reason) {
        List<Boolean> sent = publisher.send(claimed.stream().map(id -> actions.record(
                new DeadLetterAction(DeadLetterAction.DISCARDED, id, at, operator, reason))).toList());
        int failed = 0;
        for (int i = 0; i < claimed.size(); i++) {
            if (!sent.get(i)) {
                index.releaseClaim(claimed.get(i), at);
                failed++;
            }
        }
        return failed;
    }

    private DeadLetter find(String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("There is no dead letter " + id + "."));
    }
}
