package io.hookline.receiver.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling endpoint: Debian's nginx ({@code apt-get install -y nginx}) with {@code bench/receiver-ceiling-nginx.conf},
 * one worker answering every POST with the receiver's 202 body, on a free port of 127.0.0.1. Driven by the same load
 * generator as the receiver, it shows what the generator and the loopback allow on this machine.
 */
final class CeilingServer implements AutoCloseable {

    private static final Path CONFIG = Path.of("bench/receiver-ceiling-nginx.conf");
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private CeilingServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(NGINX) && Files.isRegularFile(CONFIG);
    }

    static CeilingServer start(Path work, int port) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("nginx"));
        String config = Files.readString(CONFIG).replace("__PORT__", Integer.toString(port))
                .replace("__DIR__", dir.toString());
        Path file = Files.writeString(dir.resolve("nginx.conf"), config);
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new CeilingServer(process, port);
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        process.destroy();
        throw new IOException("nginx did not listen on " + port + "; see " + dir.resolve("nginx.out"));
    }

    int port() {
        return port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
