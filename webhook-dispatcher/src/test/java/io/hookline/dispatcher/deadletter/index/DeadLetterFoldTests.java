package io.hookline.dispatcher.deadletter.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.deadletter.DeadLetterAction;
import io.hookline.dispatcher.deadletter.DeadLetterState.Discard;
import io.hookline.dispatcher.deadletter.DeadLetterState.Outcome;
import io.hookline.dispatcher.deadletter.DeadLetterState.Replay;
import io.hookline.dispatcher.deadletter.DeadLetterState;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.dispatcher.deadletter.index.DeadLetterFold.Held;
import io.hookline.dispatcher.deadletter.index.DeadLetterFold.Result;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterFoldTests {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    @Test
    void aDeadLetterWithNothingKnownIsDead() {
        assertThat(DeadLetterFold.fold(Held.NOTHING, List.of(), null).state()).isEqualTo(DeadLetterState.DEAD);
    }

    @Test
    void aReplayedActionMakesItReplayedAndPending() {
        Result result = DeadLetterFold.fold(Held.NOTHING, List.of(action("replayed", T0, "ann")), null);

        assertThat(result.state().status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(result.state().replay()).isEqualTo(new Replay(T0, "ann", Outcome.PENDING, null, null));
    }

    @Test
    void theOutcomeAloneShowsAReplayWhoseActionWasLost() {
        Result delivered = DeadLetterFold.fold(Held.NOTHING, List.of(action("replay_delivered", T1, "d")), null);
        Result failed = DeadLetterFold.fold(Held.NOTHING, List.of(), "dl_0_9");

        assertThat(delivered.state().replay()).isEqualTo(new Replay(null, null, Outcome.DELIVERED, T1, null));
        assertThat(failed.state().replay()).isEqualTo(new Replay(null, null, Outcome.FAILED, null, "dl_0_9"));
    }

    @Test
    void aDeliveredOutcomeWinsOverAFailedOne() {
        Result result = DeadLetterFold.fold(Held.NOTHING,
                List.of(action("replayed", T0, "ann"), action("replay_delivered", T1, "dispatcher")), "dl_0_9");

        assertThat(result.state().replay().outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.state().replay().deadLetterId()).isNull();
    }

    @Test
    void aDiscardedDeadLetterThatIsReplayedKeepsItsDiscard() {
        List<DeadLetterAction> actions = List.of(new DeadLetterAction("discarded", "dl_0_1", T0, "bob", "dup"),
                action("replayed", T1, "ann"));

        Result result = DeadLetterFold.fold(Held.NOTHING, actions, null);

        assertThat(result.state().status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(result.state().discard()).isEqualTo(new Discard(T0, "bob", "dup"));
    }

    @Test
    void theFirstActionOfAKindCounts() {
        Result result = DeadLetterFold.fold(Held.NOTHING,
                List.of(new DeadLetterAction("discarded", "dl_0_1", T0, "bob", "first"),
                        new DeadLetterAction("discarded", "dl_0_1", T1, "eve", "second")), null);

        assertThat(result.state().discard()).isEqualTo(new Discard(T0, "bob", "first"));
    }

    @Test
    void aClaimStaysUnconfirmedUntilTheTopicsShowIt() {
        Held claimed = new Held(T0, "ann", null, T0);

        Result unconfirmed = DeadLetterFold.fold(claimed, List.of(), null);
        Result confirmed = DeadLetterFold.fold(claimed, List.of(action("replayed", T0, "ann")), null);

        assertThat(unconfirmed.state().status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(unconfirmed.claimAt()).isEqualTo(T0);
        assertThat(confirmed.claimAt()).isNull();
        assertThat(confirmed.state()).isEqualTo(unconfirmed.state());
    }

    @Test
    void aDiscardClaimIsConfirmedByTheDiscardedActionNotByAnother() {
        Held claimed = new Held(null, null, new Discard(T2, "bob", null), T2);

        assertThat(DeadLetterFold.fold(claimed, List.of(action("replay_delivered", T1, "x")), null).state().status())
                .isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(DeadLetterFold.fold(claimed, List.of(), null).claimAt()).isEqualTo(T2);
        assertThat(DeadLetterFold.fold(claimed, List.of(new DeadLetterAction("discarded", "dl_0_1", T2, "bob", null)),
                null).claimAt()).isNull();
    }

    @Test
    void theSameFactsGiveTheSameStateWhateverTheRowHeldBefore() {
        List<DeadLetterAction> actions = List.of(action("replayed", T0, "ann"), action("replay_delivered", T1, "d"));
        Result rebuilt = DeadLetterFold.fold(Held.NOTHING, actions, null);
        Result live = DeadLetterFold.fold(new Held(T0, "ann", null, null), actions, null);

        assertThat(live).isEqualTo(rebuilt);
    }

    private static DeadLetterAction action(String kind, Instant at, String by) {
        return new DeadLetterAction(kind, "dl_0_1", at, by, null);
    }
}
