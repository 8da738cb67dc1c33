package io.hookline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM ({@code java -jar <module>-exec.jar}), its output going to a log file.
 * Not thread-safe; owned by the {@link RunningStack} that started it.
 */
public final class ServiceProcess {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Path logFile;
    private final List<String> jvmOptions;
    private Process process;

    public ServiceProcess(ServiceSpec spec, Path logDir) {
        this(spec, logDir, List.of());
    }

    /** As {@link #ServiceProcess(ServiceSpec, Path)}, with options for the JVM (e.g. {@code -XX:AOTCache=...}). */
    public ServiceProcess(ServiceSpec spec, Path logDir, List<String> jvmOptions) {
        this.spec = spec;
        this.logFile = logDir.resolve(spec.name() + ".log");
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts the JVM; returns at once (see {@link #awaitHealthy(Duration)}). */
    public ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", spec.jar().toString()));
        command.addAll(spec.arguments());
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
        return this;
    }

    /** Waits until {@code /actuator/health} answers 200, or fails with the end of the service's log. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with status " + process.exitValue()
                        + "; the end of " + logFile + ":\n" + tail());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(spec.name() + " was not healthy within " + timeout.toSeconds()
                + " s; the end of " + logFile + ":\n" + tail());
    }

    /** Asks the service to stop (SIGTERM: Spring's graceful shutdown) and waits; kills it if it hangs. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    public long pid() {
        return process.pid();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return logFile;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable)";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
