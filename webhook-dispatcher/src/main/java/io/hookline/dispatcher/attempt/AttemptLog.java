package io.hookline.dispatcher.attempt;

import java.util.concurrent.CompletableFuture;

/** Where the delivery engine records attempts. Implementations are thread-safe and do not block the caller. */
public interface AttemptLog {

    /** Records an attempt; the future completes once it is stored (or storing failed, exceptionally). */
    CompletableFuture<Void> record(DeliveryAttempt attempt);
}
