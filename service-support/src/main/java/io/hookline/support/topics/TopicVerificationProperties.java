package io.hookline.support.topics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up check of the topics a service uses ({@code hookline.topics.verify.*}): on in the {@code prod}
 * profile, off elsewhere (tests and the local stack create their topics as they go).
 *
 * @param enabled whether the service checks its topics at start-up and refuses to start when one differs; also
 *     stops the service from creating topics itself (default false; {@code prod}: true)
 * @param replicationFactor the replication factor every topic must have (default 3)
 * @param minInsyncReplicas the {@code min.insync.replicas} every topic must have, its own or the broker's
 *     default (default 2)
 * @param timeout how long the check waits for the cluster to answer (default 30s)
 */
@ConfigurationProperties("hookline.topics.verify")
public record TopicVerificationProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3") int replicationFactor,
        @DefaultValue("2") int minInsyncReplicas,
        @DefaultValue("30s") Duration timeout) {

    public TopicVerificationProperties {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("hookline.topics.verify.replication-factor must be at least 1");
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("hookline.topics.verify.min-insync-replicas must be between 1 and "
                    + "the replication factor");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("hookline.topics.verify.timeout must be a positive duration");
        }
    }
}
