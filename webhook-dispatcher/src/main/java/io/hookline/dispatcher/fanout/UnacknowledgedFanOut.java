package io.hookline.dispatcher.fanout;

/**
 * Kafka did not acknowledge every record a batch fans out to: {@link #index()} is the first source record of the
 * batch with a failed send. Retriable: the batch is tried again from that record ({@link FanOutSends}).
 */
class UnacknowledgedFanOut extends RuntimeException {

    private final int index;

    UnacknowledgedFanOut(int index, Throwable cause) {
        super("record " + index + " of the batch is not fully fanned out: " + cause.getClass().getSimpleName(), cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}
