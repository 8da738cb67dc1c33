package io.hookline.dispatcher.deadletter;

/**
 * A dead-letter topic whose records are not deliveries ({@code orders.events.dlt}, {@code notifications.inbox.dlt})
 * and the topic they came from, where a replay puts them back.
 *
 * @param name the API's and the console's name for it ({@code events}, {@code inbox})
 * @param idPrefix its dead letters' ids are {@code <prefix><partition>_<offset>} ({@code dle_}, {@code dli_}),
 *        distinct from the deliveries' {@code dl_}
 */
public record RecordSource(String name, String idPrefix, String deadLetterTopic, String sourceTopic) {

    String id(int partition, long offset) {
        return idPrefix + partition + "_" + offset;
    }

    public boolean owns(String id) {
        return id.startsWith(idPrefix);
    }
}
