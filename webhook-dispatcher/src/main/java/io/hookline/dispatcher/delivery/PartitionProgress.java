package io.hookline.dispatcher.delivery;

import java.util.TreeSet;

/**
 * The offsets of one partition that were started and not yet finished, and so the position that is safe
 * to commit: the lowest unfinished offset, or one past the highest started when all are finished. Records
 * are started in offset order (the engine seeks back instead of skipping), so every started offset below
 * the lowest unfinished one is finished. Used by the engine's poll thread only; not thread-safe.
 */
final class PartitionProgress {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    void started(long offset) {
        unfinished.add(offset);
        next = offset + 1;
    }

    void finished(long offset) {
        unfinished.remove(offset);
    }

    /** The offset safe to commit (-1 before any record started), whether or not it was committed already. */
    long position() {
        return unfinished.isEmpty() ? next : unfinished.first();
    }

    /** The offset to commit, or -1 when nothing new is safe to commit. */
    long committable() {
        long position = position();
        return position > committed ? position : -1;
    }

    void committed(long position) {
        committed = Math.max(committed, position);
    }

    /** An asynchronous commit failed: the next periodic commit sends the current position again. */
    void commitFailed() {
        committed = -1;
    }

    int unfinishedCount() {
        return unfinished.size();
    }
}
