package io.hookline.receiver.mail;

/**
 * The SMTP server did not (knowingly) accept an order confirmation. Its message is safe to store and show: it
 * names the kind of failure and the SMTP reply code, never an address, a credential or the content.
 */
public final class MailDeliveryException extends RuntimeException {

    /** What a failure means for the next attempt. */
    public enum Kind {
        /** Retrying cannot help: a 5xx reply meaning "never" (550, 553, ...), or a message that cannot be built. */
        PERMANENT,
        /** The server did not take the message (connection refused, 4xx, failure before any data was sent). */
        TRANSIENT,
        /**
         * The session broke after the message was handed over (a timeout or a lost connection waiting for the
         * server's reply): the server may have it. Retried, but not before the lease of this attempt ends.
         */
        MAYBE_DELIVERED
    }

    private final Kind kind;

    MailDeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code true} if retrying cannot help. */
    public boolean permanent() {
        return kind == Kind.PERMANENT;
    }
}
