package io.hookline.chaos.stack;

import io.hookline.chaos.ChaosSettings;
import io.hookline.chaos.mail.ChaosMailServer;
import io.hookline.chaos.proxy.FaultPlan;
import io.hookline.chaos.proxy.FaultProxy;
import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.localstack.ServiceProcess;
import io.hookline.localstack.ServiceSpec;
import io.hookline.localstack.TopicDeclarations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform under test: a Kafka broker in this JVM (stopped and started again on the same port and log
 * directory), the SMTP server, the fault proxy in front of the receiver, and the three services as child JVMs,
 * which {@link #kill(String)} ends with SIGKILL. {@link #close()} stops exactly what this stack started.
 * Not thread-safe: the chaos schedule drives it from one thread (the SMTP outage's end from a timer).
 */
public final class ChaosStack implements AutoCloseable {

    private final ChaosSettings settings;
    private final Ports ports;
    private final KraftBroker broker;
    private final ChaosMailServer mail;
    private final FaultProxy proxy;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Kills the children if this JVM is stopped (SIGTERM, Ctrl-C) before {@link #close()} ran. */
    private final Thread killOnExit = new Thread(this::killServices, "chaos-kill-services");

    private ChaosStack(ChaosSettings settings, Ports ports, KraftBroker broker, ChaosMailServer mail,
            FaultProxy proxy) {
        this.settings = settings;
        this.ports = ports;
        this.broker = broker;
        this.mail = mail;
        this.proxy = proxy;
    }

    /** Starts everything and waits until every service is healthy; on failure stops what it started. */
    public static ChaosStack start(ChaosSettings settings) throws IOException, InterruptedException {
        Ports ports = Ports.free();
        Files.createDirectories(settings.dataDir());
        KraftBroker broker = KraftBroker.create(ports.kafka(), ports.kafkaController(),
                settings.dataDir().resolve("kafka"), 3);
        ChaosMailServer mail = new ChaosMailServer(ports.smtp());
        FaultProxy proxy = FaultProxy.start(ports.proxy(), ChaosServices.receiverWebhook(ports),
                new FaultPlan(settings.seed(), settings.faults()));
        ChaosStack stack = new ChaosStack(settings, ports, broker, mail, proxy);
        Runtime.getRuntime().addShutdownHook(stack.killOnExit);
        try {
            broker.start();
            TopicDeclarations.read(settings.home().resolve("topics.conf"))
                    .createMissing(broker.bootstrapServers(), (short) 1);
            mail.start();
            for (ServiceSpec spec : ChaosServices.of(settings, ports, broker.bootstrapServers(), proxy.url())) {
                checkBuilt(spec);
                stack.services.put(spec.name(), new ServiceProcess(spec, settings.dataDir().resolve("logs")).start());
            }
            stack.awaitHealthy(List.copyOf(stack.services.keySet()));
            return stack;
        } catch (InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Kills the service with SIGKILL, as a crash would; returns the pid it had. */
    public long kill(String name) throws InterruptedException {
        ServiceProcess service = service(name);
        long pid = service.pid();
        service.kill();
        return pid;
    }

    /** Starts the (killed) service again with the same settings and waits until it is healthy. */
    public void restart(String name) throws InterruptedException {
        service(name).start();
        awaitHealthy(List.of(name));
    }

    /** Stops the broker (a clean shutdown of the node), keeps it down for {@code downtime}, starts it again. */
    public void restartBroker(Duration downtime) throws InterruptedException {
        broker.stop();
        Thread.sleep(downtime.toMillis()); // the outage itself, not a wait for a result
        broker.start();
    }

    public ChaosMailServer mail() {
        return mail;
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public URI ordersApi() {
        return URI.create("http://127.0.0.1:" + ports.ordersApi());
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new NoSuchElementException(name);
        }
        return service;
    }

    /** Waits for the services in parallel: three cold JVMs on two busy cores take a while each. */
    private void awaitHealthy(List<String> names) throws InterruptedException {
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> waits = new ArrayList<>();
            for (String name : names) {
                waits.add(waiters.submit(() -> {
                    service(name).awaitHealthy(settings.startTimeout());
                    return null;
                }));
            }
            for (Future<?> wait : waits) {
                try {
                    wait.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private void killServices() {
        for (ServiceProcess service : List.copyOf(services.values())) {
            try {
                service.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void checkBuilt(ServiceSpec spec) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException(spec.jar() + " does not exist: build first (bench/chaos.sh does)");
        }
    }

    /** Kills the services this stack started (SIGKILL: the run is over), then stops the proxy, SMTP and broker. */
    @Override
    public void close() {
        killServices();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        proxy.close();
        mail.close();
        broker.stop();
    }
}
