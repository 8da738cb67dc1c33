package io.hookline.orders.system;

import java.util.UUID;

/** Source of random identifiers, injected so tests can control them. Implementations are thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    /** A fresh random (version 4) UUID. */
    UUID randomUuid();
}
