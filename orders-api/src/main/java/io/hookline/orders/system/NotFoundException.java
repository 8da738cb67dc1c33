package io.hookline.orders.system;

/**
 * A resource the request names does not exist; answered with 404. The message is shown to the client,
 * so subclasses write it themselves and never pass a library message through.
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message, null, false, false);
    }
}
