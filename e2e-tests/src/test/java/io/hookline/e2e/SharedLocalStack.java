package io.hookline.e2e;

import io.hookline.localstack.LocalStack;
import io.hookline.localstack.RunningStack;
import io.hookline.localstack.StackSettings;
import io.hookline.testsupport.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack (orders-api, webhook-dispatcher and notification-receiver as separate JVMs on the shared test
 * broker) for every e2e class that drives it over HTTP: three JVMs take long to start, and the classes use their own
 * orders, clients and callback receivers, so they can share it. Started by the first class that registers this
 * extension, stopped when the test run ends. A test that kills it restarts it in place ({@link #killAndRestart}).
 */
final class SharedLocalStack implements BeforeAllCallback {

    private static StackSettings settings;
    private static RunningStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedLocalStack.class) {
            if (stack != null) {
                return;
            }
            Path dataDir = Files.createTempDirectory("hookline-e2e-stack");
            settings = new StackSettings(Path.of("").toAbsolutePath().getParent(), dataDir,
                    TestKafka.bootstrapServers(), 0, 0, freePort(), freePort(), freePort(),
                    StackSettings.DEVELOPMENT_WEBHOOK_SECRET, Duration.ofSeconds(180));
            stack = LocalStack.start(settings);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(SharedLocalStack.class.getName(), (AutoCloseable) SharedLocalStack::stop);
        }
    }

    static synchronized StackSettings settings() {
        return settings;
    }

    static synchronized RunningStack stack() {
        return stack;
    }

    /** kill -9 of every service, then the same stack (ports, data) started again. */
    static synchronized void killAndRestart() throws Exception {
        stack.kill();
        stack = LocalStack.start(settings);
    }

    private static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
