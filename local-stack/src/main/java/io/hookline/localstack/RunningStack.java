package io.hookline.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The started stack: the embedded broker or cluster (when used), the shared database server (when a service runs
 * several instances), the SMTP catcher and the service processes. {@link #close()} stops the services first,
 * gracefully and in reverse order, then the database server, Kafka and the SMTP catcher, so in-flight work can
 * still reach Kafka and send its e-mails.
 * Thread-safe: close may run from a shutdown hook while the main thread waits.
 */
public final class RunningStack implements AutoCloseable {

    private final AutoCloseable kafka;
    private final SharedDatabases databases;
    private final String bootstrapServers;
    private final List<ServiceProcess> services;
    private final PidFile pidFile;
    private final LocalMailbox mailbox;
    private boolean closed;

    RunningStack(AutoCloseable kafka, SharedDatabases databases, String bootstrapServers,
            List<ServiceProcess> services, PidFile pidFile, LocalMailbox mailbox) {
        this.kafka = kafka;
        this.databases = databases;
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

    /** The H2 server the instances of a service share their database through, or null (one instance each). */
    public SharedDatabases databases() {
        return databases;
    }

    private void stopBroker() {
        if (databases != null) {
            databases.close();
        }
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping Kafka failed", e);
            }
        }
        mailbox.close();
        pidFile.clear();
    }
}
