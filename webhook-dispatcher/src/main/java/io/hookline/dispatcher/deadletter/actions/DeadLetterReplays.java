package io.hookline.dispatcher.deadletter.actions;

import io.hookline.dispatcher.catalog.EventTypeRegistry;
import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterActions;
import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.dispatcher.deadletter.index.DeadLetterIndex;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.dispatcher.delivery.DeliveryRecord;
import io.hookline.dispatcher.delivery.DeliveryRouting;
import io.hookline.support.problem.ConflictException;
import io.hookline.support.problem.NotFoundException;
import io.hookline.support.problem.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Replays dead letters through the normal delivery path. Per dead letter: claim it in the index (a conditional
 * update, so two calls, even on two instances, queue it once), produce the delivery (same delivery and event id,
 * hence the same {@code webhook-id}; fresh attempts; {@code replay_of}) through {@link DeliveryRouting#first},
 * then the {@code replayed} action. If Kafka does not take the delivery, the claim is released and the call
 * answers 503. Thread-safe.
 */
@Service
public class DeadLetterReplays {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplays.class);
    static final int PAGE = 100;

    public record Single(boolean queued, DeadLetter deadLetter) {
    }

    public record Bulk(int queued, int skipped) {
    }

    private final DeadLetterQueries queries;
    private final DeadLetterIndex index;
    private final ReplayCheck check;
    private final DeliveryRouting routing;
    private final DeadLetterActions actions;
    private final DeadLetterPublisher publisher;
    private final Clock clock;
    private final EventTypeRegistry eventTypes;

    DeadLetterReplays(DeadLetterQueries queries, DeadLetterIndex index, ReplayCheck check, DeliveryRouting routing,
            DeadLetterActions actions, DeadLetterPublisher publisher, Clock clock, EventTypeRegistry eventTypes) {
        this.eventTypes = eventTypes;
        this.queries = queries;
        this.index = index;
        this.check = check;
        this.routing = routing;
        this.actions = actions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Single replay(String id, String operator) {
        DeadLetter deadLetter = find(id);
        if (deadLetter.state().status() == DeadLetterStatus.REPLAYED) {
            return new Single(false, deadLetter);
        }
        check.refusal(deadLetter.entry()).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!index.claimReplay(id, at, operator)) {
            return new Single(false, find(id));
        }
        int failed = queue(List.of(deadLetter), at, operator);
        if (failed > 0) {
            throw new ServiceUnavailableException("Kafka did not take the replay of " + id + " in time; nothing was queued. "
                    + "Try again.");
        }
        return new Single(true, find(id));
    }

    /** Replays every dead letter (status dead) that matches, a page at a time. */
    public Bulk replayMatching(DeadLetterFilter filter, String operator) {
        DeadLetterFilter dead = filter.withStatus(DeadLetterStatus.DEAD);
        int queued = 0;
        int skipped = 0;
        DeadLetterCursor cursor = null;
        List<DeadLetter> page;
        do {
            page = queries.page(dead, cursor, PAGE, true);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<DeadLetter> claimed = new ArrayList<>();
            for (DeadLetter deadLetter : page) {
                if (check.refusal(deadLetter.entry()).isEmpty() && index.claimReplay(deadLetter.id(), at, operator)) {
                    claimed.add(deadLetter);
                } else {
                    skipped++;
                }
            }
            int failed = queue(claimed, at, operator);
            queued += claimed.size() - failed;
            if (failed > 0) {
                throw new ServiceUnavailableException("Kafka did not take every replay in time: " + queued + " queued, "
                        + failed + " not (still dead), the rest not tried. Try again.");
            }
            if (!page.isEmpty()) {
                DeadLetterEntry last = page.getLast().entry();
                cursor = new DeadLetterCursor(last.deadLetteredAt(), last.id());
            }
        } while (page.size() == PAGE);
        return new Bulk(queued, skipped);
    }

    /**
     * A replay carries the current contract version of its type (the dead-letter index does not keep the original
     * header; the body is the one signed then, and a type's version changes only with a new type version).
     */
    private DeliveryRecord versioned(DeliveryRecord replay) {
        return eventTypes.latest(replay.eventType()).map(type -> replay.ofVersion(Integer.toString(type.version())))
                .orElse(replay);
    }

    /** Produces the claimed replays, then their actions; releases the claims Kafka did not take. */
    private int queue(List<DeadLetter> claimed, Instant at, String operator) {
        List<Boolean> sent = publisher.send(claimed.stream()
                .map(deadLetter -> routing.first(versioned(deadLetter.entry().toReplay()))).toList());
        List<ProducerRecord<String, String>> replayed = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < claimed.size(); i++) {
            String id = claimed.get(i).id();
            if (sent.get(i)) {
                replayed.add(actions.record(new DeadLetterAction(DeadLetterAction.REPLAYED, id, at, operator, null)));
            } else {
                index.releaseClaim(id, at);
                failed++;
            }
        }
        if (!replayed.isEmpty() && !publisher.sendDurably(replayed)) {
            log.warn("The replayed action of {} replays is not acknowledged yet; it keeps being sent", replayed.size());
        }
        return failed;
    }

    private DeadLetter find(String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("There is no dead letter " + id + "."));
    }
}
