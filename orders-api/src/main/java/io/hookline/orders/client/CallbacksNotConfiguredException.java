package io.hookline.orders.client;

import io.hookline.support.problem.ConflictException;

/** A callback secret was asked for, but no callback master secret is configured ({@code hookline.orders.callbacks.secret}). */
final class CallbacksNotConfiguredException extends ConflictException {

    CallbacksNotConfiguredException() {
        super("Callbacks are off: hookline.orders.callbacks.secret is not configured, so there is no secret to rotate.");
    }
}
