package io.hookline.dispatcher.deadletter;

/** A dead letter as indexed: the record ({@code entry.body()} is {@code null} in list answers) and its state. */
public record DeadLetter(DeadLetterEntry entry, DeadLetterState state) {

    public String id() {
        return entry.id();
    }
}
