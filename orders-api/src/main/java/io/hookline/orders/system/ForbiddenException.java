package io.hookline.orders.system;

/**
 * The caller is authenticated but its credential lacks the permission the request needs; answered with 403.
 * The message is shown to the client.
 */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
