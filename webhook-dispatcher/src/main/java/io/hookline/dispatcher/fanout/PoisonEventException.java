package io.hookline.dispatcher.fanout;

/**
 * A record that can never be delivered as it stands (not JSON, off-schema): it is dead-lettered at once,
 * never retried. The message is a short, readable reason without the record's content.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}
