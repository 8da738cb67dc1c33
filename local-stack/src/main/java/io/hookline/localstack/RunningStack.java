package io.hookline.localstack;

import io.hookline.kafka.embedded.KraftBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The started stack: the embedded broker (when used), the SMTP catcher and the service processes.
 * {@link #close()} stops the services first, gracefully and in reverse order, then the broker and the SMTP
 * catcher, so in-flight work can still reach Kafka and send its e-mails.
 * Thread-safe: close may run from a shutdown hook while the main thread waits.
 */
public final class RunningStack implements AutoCloseable {

    private final KraftBroker broker;
    private final String bootstrapServers;
    private final List<ServiceProcess> services;
    private final PidFile pidFile;
    private final LocalMailbox mailbox;
    private boolean closed;

    RunningStack(KraftBroker broker, String bootstrapServers, List<ServiceProcess> services, PidFile pidFile,
            LocalMailbox mailbox) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.services = List.copyOf(services);
        this.pidFile = pidFile;
        this.mailbox = mailbox;
    }

    /** The SMTP catcher the receiver sends its e-mails to, and its page. */
    public LocalMailbox mailbox() {
        return mailbox;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(name));
    }

    /** Kills every service process at once (SIGKILL), as a crash or a power cut of the services would. */
    public synchronized void kill() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.kill();
        }
        closed = true;
        stopBroker();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        stopBroker();
    }

    private void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
        mailbox.close();
        pidFile.clear();
    }
}
