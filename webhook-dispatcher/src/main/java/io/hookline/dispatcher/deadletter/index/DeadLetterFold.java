package io.hookline.dispatcher.deadletter.index;

import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterState.Discard;
import io.hookline.dispatcher.deadletter.DeadLetterState.Outcome;
import io.hookline.dispatcher.deadletter.DeadLetterState.Replay;
import io.hookline.dispatcher.deadletter.DeadLetterState;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import java.time.Instant;
import java.util.List;

/**
 * Computes a dead letter's state from everything known about it, the same whatever order it was learned in:
 * <ul>
 * <li>the actions read for it from the actions topic (in topic order; the first of each kind counts),</li>
 * <li>the first later dead letter that is a replay of it (its replay failed again),</li>
 * <li>what the index row already holds: a claim made by an operator call on this or another instance that the
 * actions topic has not confirmed yet, or an earlier fold.</li>
 * </ul>
 * Replayed wins over discarded wins over dead; a delivered outcome wins over a failed one (the endpoint got it).
 * A claim is confirmed (and {@code claimAt} cleared) once the topics show the status it claimed. Pure.
 */
public final class DeadLetterFold {

    /** What the index row holds: its replay and discard fields and an unconfirmed claim's time. */
    record Held(Instant replayQueuedAt, String replayBy, Discard discard, Instant claimAt) {

        static final Held NOTHING = new Held(null, null, null, null);
    }

    record Result(DeadLetterState state, Instant claimAt) {
    }

    private DeadLetterFold() {
    }

    static Result fold(Held held, List<DeadLetterAction> actions, String failedReplayId) {
        DeadLetterAction replayed = first(actions, DeadLetterAction.REPLAYED);
        DeadLetterAction delivered = first(actions, DeadLetterAction.REPLAY_DELIVERED);
        DeadLetterAction discarded = first(actions, DeadLetterAction.DISCARDED);
        Instant queuedAt = held.replayQueuedAt() != null ? held.replayQueuedAt()
                : replayed == null ? null : replayed.at();
        String by = held.replayQueuedAt() != null ? held.replayBy() : replayed == null ? null : replayed.by();
        Discard discard = held.discard() != null ? held.discard()
                : discarded == null ? null : new Discard(discarded.at(), discarded.by(), discarded.reason());
        boolean isReplayed = queuedAt != null || delivered != null || failedReplayId != null;
        DeadLetterState state;
        boolean confirmed;
        if (isReplayed) {
            Replay replay = delivered != null ? new Replay(queuedAt, by, Outcome.DELIVERED, delivered.at(), null)
                    : failedReplayId != null ? new Replay(queuedAt, by, Outcome.FAILED, null, failedReplayId)
                    : new Replay(queuedAt, by, Outcome.PENDING, null, null);
            state = new DeadLetterState(DeadLetterStatus.REPLAYED, replay, discard);
            confirmed = replayed != null || delivered != null || failedReplayId != null;
        } else if (discard != null) {
            state = new DeadLetterState(DeadLetterStatus.DISCARDED, null, discard);
            confirmed = discarded != null;
        } else {
            state = DeadLetterState.DEAD;
            confirmed = true;
        }
        return new Result(state, confirmed ? null : held.claimAt());
    }

    private static DeadLetterAction first(List<DeadLetterAction> actions, String kind) {
        return actions.stream().filter(action -> action.action().equals(kind)).findFirst().orElse(null);
    }
}
