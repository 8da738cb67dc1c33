package io.hookline.dispatcher.deadletter.actions;

import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.dispatcher.endpoint.Disablement;
import io.hookline.dispatcher.endpoint.EndpointDisablements;
import io.hookline.dispatcher.endpoint.EndpointView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Enables an endpoint again and offers the replay of what was dead-lettered for it while it was disabled (since
 * its {@code disabled_at}): the answer counts them and names the bulk replay that sends them; asked to, it replays
 * them at once through {@link DeadLetterReplays} (after enabling, so the replays are not refused). Thread-safe.
 */
@Service
public class EndpointRecovery {

    /** The dead letters in status {@code dead} of the endpoint since it was disabled, and how to replay them. */
    public record Backlog(Instant since, long waiting, Map<String, Object> replayWith) {
    }

    /** What enabling did. {@code replayed} is {@code null} unless the replay was asked for. */
    public record Recovered(EndpointView endpoint, Disablement previously, Backlog deadLetters,
            DeadLetterReplays.Bulk replayed) {
    }

    private final EndpointDisablements disablements;
    private final DeadLetterQueries queries;
    private final DeadLetterReplays replays;

    EndpointRecovery(EndpointDisablements disablements, DeadLetterQueries queries, DeadLetterReplays replays) {
        this.disablements = disablements;
        this.queries = queries;
        this.replays = replays;
    }

    public Recovered enable(String endpointId, boolean replay, String operator) {
        EndpointDisablements.Enabled enabled = disablements.enable(endpointId);
        Disablement previously = enabled.previously();
        Instant since = previously == null ? null : previously.disabledAt();
        DeadLetterFilter filter = new DeadLetterFilter(endpointId, null, null, null, null, since, null, null);
        DeadLetterReplays.Bulk replayed = null;
        if (replay && since != null) {
            replayed = replays.replayMatching(filter, operator);
        } else if (replay) {
            replayed = new DeadLetterReplays.Bulk(0, 0);
        }
        long waiting = since == null ? 0 : queries.count(filter.withStatus(DeadLetterStatus.DEAD));
        return new Recovered(enabled.endpoint(), previously, new Backlog(since, waiting, replayWith(endpointId, since)),
                replayed);
    }

    /** The bulk replay call that sends the backlog, as the answer shows it. */
    private static Map<String, Object> replayWith(String endpointId, Instant since) {
        if (since == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpoint_id", endpointId);
        body.put("from", since.toString());
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("method", "POST");
        call.put("path", "/dead-letters/replay");
        call.put("body", body);
        return call;
    }
}
