package io.hookline.receiver.mail;

/**
 * The SMTP server did not accept an order confirmation. Its message is safe to store and show: it names
 * the kind of failure, never an address, a credential or the content.
 */
public final class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    MailDeliveryException(boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** {@code true} if retrying cannot help (a refused recipient, an unbuildable message). */
    public boolean permanent() {
        return permanent;
    }
}
