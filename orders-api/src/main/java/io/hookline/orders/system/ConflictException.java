package io.hookline.orders.system;

/**
 * The request is valid but conflicts with the resource's current state; answered with 409. The message is
 * shown to the client, so subclasses write it themselves.
 */
public abstract class ConflictException extends RuntimeException {

    protected ConflictException(String message) {
        super(message, null, false, false);
    }
}
