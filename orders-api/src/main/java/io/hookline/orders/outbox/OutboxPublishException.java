package io.hookline.orders.outbox;

/** Kafka did not acknowledge every record of a batch; the rows stay unpublished and are retried. */
final class OutboxPublishException extends Exception {

    OutboxPublishException(Throwable cause) {
        super(describe(cause), cause, false, false);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
