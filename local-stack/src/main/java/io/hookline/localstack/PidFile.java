package io.hookline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the service processes of a running stack, so that a launcher killed with SIGKILL (whose
 * children outlive it) does not block the next start: the next launcher stops what is left first.
 */
final class PidFile {

    private static final Logger log = LoggerFactory.getLogger(PidFile.class);
    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    /** Kills services left running by a launcher that died without cleaning up. */
    void killLeftovers() {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : read()) {
            Optional<ProcessHandle> handle = parse(line).flatMap(ProcessHandle::of);
            handle.filter(h -> h.info().commandLine().orElse("").contains("-exec.jar")).ifPresent(h -> {
                log.warn("Stopping {} left running by an earlier local stack (pid {})", line, h.pid());
                h.destroyForcibly();
                h.onExit().join();
            });
        }
        clear();
    }

    void write(List<ServiceProcess> services) {
        List<String> lines = services.stream().map(s -> s.pid() + " " + s.spec().name()).toList();
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
            log.warn("Could not delete {}", file);
        }
    }

    private List<String> read() {
        try {
            return Files.readAllLines(file);
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
