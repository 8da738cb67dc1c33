package io.hookline.dispatcher.deadletter.actions;

import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterActions;
import io.hookline.dispatcher.deadletter.DeadLetterSources;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.dispatcher.deadletter.RecordSource;
import io.hookline.dispatcher.deadletter.index.DeadLetterIndex;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.support.problem.ConflictException;
import io.hookline.support.problem.NotFoundException;
import io.hookline.support.problem.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Replays a dead letter of {@code orders.events.dlt} or {@code notifications.inbox.dlt} onto the topic its record
 * came from ({@link DeadLetterSources#replay}): claim it in the index (the same conditional update as a delivery's
 * replay, so two calls, even on two instances, put it back once: the second answers "already replayed"), produce
 * the record and wait for Kafka's acknowledgement, then the {@code replayed} action. If Kafka does not take the
 * record, the claim is released and the call answers 503. Its outcome stays {@code pending} unless the record is
 * dead-lettered again (the new dead letter carries {@code replay_of}; the outcome is then {@code failed}).
 * Thread-safe.
 */
@Service
public class RecordReplays {

    private static final Logger log = LoggerFactory.getLogger(RecordReplays.class);

    private final DeadLetterQueries queries;
    private final DeadLetterIndex index;
    private final DeadLetterSources sources;
    private final DeadLetterActions actions;
    private final DeadLetterPublisher publisher;
    private final Clock clock;

    RecordReplays(DeadLetterQueries queries, DeadLetterIndex index, DeadLetterSources sources,
            DeadLetterActions actions, DeadLetterPublisher publisher, Clock clock) {
        this.queries = queries;
        this.index = index;
        this.sources = sources;
        this.actions = actions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public DeadLetterReplays.Single replay(RecordSource source, String id, String operator) {
        DeadLetter deadLetter = find(source, id);
        if (deadLetter.state().status() == DeadLetterStatus.REPLAYED) {
            return new DeadLetterReplays.Single(false, deadLetter);
        }
        if (deadLetter.entry().body() == null) {
            throw new ConflictException("Dead letter " + id + " has no value; there is nothing to replay.");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!index.claimReplay(id, at, operator)) {
            return new DeadLetterReplays.Single(false, find(source, id));
        }
        if (!publisher.send(List.of(sources.replay(source, deadLetter.entry()))).getFirst()) {
            index.releaseClaim(id, at);
            throw new ServiceUnavailableException("Kafka did not take the replay of " + id + " in time; nothing was "
                    + "replayed. Try again.");
        }
        log.info("Replayed dead letter {} onto {} (by {})", id, sources.target(source, deadLetter.entry()), operator);
        if (!publisher.sendDurably(List.of(actions.record(new DeadLetterAction(DeadLetterAction.REPLAYED, id, at,
                operator, null))))) {
            log.warn("The replayed action of {} is not acknowledged yet; it keeps being sent", id);
        }
        return new DeadLetterReplays.Single(true, find(source, id));
    }

    /** The dead letter, if it is one of this topic's. */
    public DeadLetter find(RecordSource source, String id) {
        return (source.owns(id) ? queries.find(id) : java.util.Optional.<DeadLetter>empty())
                .filter(deadLetter -> deadLetter.entry().topic().equals(source.deadLetterTopic()))
                .orElseThrow(() -> new NotFoundException("There is no dead letter " + id + " of "
                        + source.deadLetterTopic() + "."));
    }
}
