package io.hookline.receiver.bench;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The receiver's own jar as a separate JVM (H2 file database in the work directory), and a flight recording of it
 * over one phase ({@code jcmd JFR.start} / {@code JFR.stop}), so start-up and warm-up stay out of the profile.
 */
final class ReceiverProcess implements AutoCloseable {

    private final Process process;
    private final Path work;
    private final int port;

    private ReceiverProcess(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    static ReceiverProcess start(Path jar, Path work, int port, String bootstrap, GreenMail smtp) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool("java"), "-XX:+ExitOnOutOfMemoryError"));
        String jvmOptions = System.getenv().getOrDefault("BENCH_RECEIVER_JVM_OPTIONS", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/notifications")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        String extra = System.getenv().getOrDefault("BENCH_RECEIVER_ARGS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        ReceiverBenchmark.log("starting " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("receiver.log").toFile()).start();
        return new ReceiverProcess(process, work, port);
    }

    void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the receiver exited; see " + work.resolve("receiver.log"));
            }
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        ReceiverBenchmark.log("receiver healthy on port " + port);
    }

    int port() {
        return port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Starts a flight recording ({@code settings=profile}: execution samples every 10 ms per thread). */
    void startRecording() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    /** Stops the recording and writes it to the work directory. */
    Path stopRecording() throws IOException, InterruptedException {
        Path file = work.resolve("receiver.jfr");
        jcmd("JFR.stop", "name=bench", "filename=" + file);
        return file;
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("jcmd"), Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("jcmd.log").toFile())).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", arguments) + " failed; see " + work.resolve("jcmd.log"));
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
