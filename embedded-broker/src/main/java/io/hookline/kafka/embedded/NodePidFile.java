package io.hookline.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The pids of a cluster's node JVMs, so that nodes outliving a launcher killed with SIGKILL (whose shutdown hook
 * never ran) are ended by the next start on the same directory instead of holding its ports and log directories.
 */
final class NodePidFile {

    private final Path file;

    NodePidFile(Path file) {
        this.file = file;
    }

    /** Kills node JVMs listed by an earlier run that are still alive (only processes running {@link KraftNode}). */
    void killLeftovers() {
        for (String line : read()) {
            parse(line).flatMap(ProcessHandle::of)
                    .filter(h -> h.info().commandLine().orElse("").contains(KraftNode.class.getName()))
                    .ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().join();
                    });
        }
        clear();
    }

    void write(List<ClusterNode> nodes) {
        List<String> lines = nodes.stream().filter(ClusterNode::isAlive).map(n -> n.pid() + " node-" + n.id())
                .toList();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file only makes the next start check pids that are gone
        }
    }

    private List<String> read() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.split(" ")[0]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
