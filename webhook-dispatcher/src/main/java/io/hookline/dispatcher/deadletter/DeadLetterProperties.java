package io.hookline.dispatcher.deadletter;

import io.hookline.schemas.events.Topics;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dead-letter index and the operator actions ({@code hookline.dispatcher.dead-letters.*}).
 *
 * @param partitionCheckInterval how often the indexer looks for new partitions of the dead-letter and actions
 *        topics
 * @param produceTimeout how long a replay or discard waits for Kafka to acknowledge its records before it
 *        answers 503 (and undoes its claim)
 * @param claimTimeout an operator action claimed in the index whose record never reached the actions topic
 *        (the instance died in between) is released after this long, once the index has read the actions
 *        topic to its end
 * @param inboxTopic the notification receiver's inbox, where a replayed {@code inboxDeadLetterTopic} record goes
 * @param inboxDeadLetterTopic the receiver's parked inbox records, indexed and replayed here like the other
 *        dead-letter topics (docs/dead-letters.md, "The other dead-letter topics")
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("30s") @NotNull Duration partitionCheckInterval,
        @DefaultValue("10s") @NotNull Duration produceTimeout,
        @DefaultValue("2m") @NotNull Duration claimTimeout,
        @DefaultValue(Topics.NOTIFICATIONS_INBOX) @NotBlank String inboxTopic,
        @DefaultValue(Topics.NOTIFICATIONS_INBOX_DLT) @NotBlank String inboxDeadLetterTopic) {
}
