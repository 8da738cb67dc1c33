package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterIndexRebuildIntegrationTests extends DeadLetterIntegrationTestSupport {

    @Test
    void rebuildsTheSameStatesFromTheTopicsAfterTheIndexIsWiped() {
        String type = newEventType("rebuild");
        Instant now = Instant.now();
        produceDeadLetter(newOrderId(), type, "alpha", 500, now);
        produceDeadLetter(newOrderId(), type, "alpha", 500, now.plusMillis(1));
        produceDeadLetter(newOrderId(), type, "alpha", 500, now.plusMillis(2));
        UUID failing = produceDeadLetter(newOrderId(), type, "alpha", 500, now.plusMillis(3));
        webhooks.alwaysAnswer("/alpha", failing, 500);
        JsonNode listed = awaitListed(type, 4);
        String delivered = listed.get("data").get(2).get("id").asString();
        String discarded = listed.get("data").get(1).get("id").asString();
        String failed = listed.get("data").get(0).get("id").asString();
        assertThat(admin("POST", "/dead-letters/" + delivered + "/replay", "{\"operator\":\"ann\"}").statusCode())
                .isEqualTo(202);
        assertThat(admin("POST", "/dead-letters/" + discarded + "/discard", "{\"operator\":\"bob\",\"reason\":\"dup\"}")
                .statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/dead-letters/" + failed + "/replay", null).statusCode()).isEqualTo(202);
        awaitState(delivered, d -> d.get("replay").get("outcome").asString().equals("delivered"));
        awaitState(failed, d -> d.get("replay").get("outcome").asString().equals("failed"));
        JsonNode before = awaitListed(type, 5);
        assertThat(before.get("data").valueStream().map(d -> d.get("status").asString()))
                .containsExactly("dead", "replayed", "discarded", "replayed", "dead");

        assertThat(wipeIndex()).isGreaterThanOrEqualTo(5 + 3);

        JsonNode after = awaitListed(type, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> list("/dead-letters?limit=200&event_type=" + type)
                .equals(before));
        assertThat(after.get("totals")).isEqualTo(before.get("totals"));
    }

    @Test
    void releasesAClaimWhoseActionNeverReachedTheActionsTopic() {
        String type = newEventType("orphan");
        produceDeadLetter(newOrderId(), type, "alpha", 500, Instant.now());
        String id = awaitListed(type, 1).get("data").get(0).get("id").asString();
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);

        int claimed = jdbc.sql("update dead_letters set status = 'replayed', replay_queued_at = ?, "
                + "replay_by = 'ghost', replay_outcome = 'pending', claim_at = ? where id = ? and status = 'dead'")
                .params(longAgo, longAgo, id).update();

        assertThat(claimed).isEqualTo(1);
        JsonNode released = awaitState(id, d -> d.get("status").asString().equals("dead"));
        assertThat(released.get("replay").isNull()).isTrue();
        assertThat(admin("POST", "/dead-letters/" + id + "/discard", null).statusCode()).isEqualTo(200);
    }

    /** Deletes every row of the index (positions first, so the indexer starts over); answers the rows deleted. */
    private int wipeIndex() {
        jdbc.sql("delete from dead_letter_index_positions").update();
        return jdbc.sql("delete from dead_letter_actions").update() + jdbc.sql("delete from dead_letters").update();
    }
}
