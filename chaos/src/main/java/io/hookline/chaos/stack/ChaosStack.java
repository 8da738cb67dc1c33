package io.hookline.chaos.stack;

import io.hookline.chaos.ChaosSettings;
import io.hookline.chaos.ChaosTopology;
import io.hookline.chaos.mail.ChaosMailServer;
import io.hookline.chaos.proxy.FaultPlan;
import io.hookline.chaos.proxy.FaultProxy;
import io.hookline.localstack.ServiceProcess;
import io.hookline.localstack.ServiceSpec;
import io.hookline.localstack.SharedDatabases;
import io.hookline.localstack.TopicDeclarations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform under test: Kafka ({@link ChaosKafka}: one broker in this JVM, or a cluster of broker JVMs), the
 * SMTP server, the fault proxy in front of the receiver, the services as child JVMs (one instance each, or as
 * {@link ChaosTopology} says, instances of one service sharing its database through an H2 TCP server), which
 * {@link #kill(String)} ends with SIGKILL. {@link #close()} stops exactly what this stack started.
 * Not thread-safe: the chaos schedule drives it from one thread (the SMTP outage's end from a timer).
 */
public final class ChaosStack implements AutoCloseable {

    private final ChaosSettings settings;
    private final Ports ports;
    private final ChaosKafka kafka;
    private final ChaosMailServer mail;
    private final FaultProxy proxy;
    private final SharedDatabases databases;
    private final ChaosServices.Wiring wiring;
    private final Map<String, ServiceProcess> services = new ConcurrentSkipListMap<>();
    /** Kills the children if this JVM is stopped (SIGTERM, Ctrl-C) before {@link #close()} ran. */
    private final Thread killOnExit = new Thread(this::killServices, "chaos-kill-services");

    private ChaosStack(ChaosSettings settings, Ports ports, ChaosKafka kafka, ChaosMailServer mail, FaultProxy proxy,
            SharedDatabases databases) {
        this.settings = settings;
        this.ports = ports;
        this.kafka = kafka;
        this.mail = mail;
        this.proxy = proxy;
        this.databases = databases;
        this.wiring = new ChaosServices.Wiring(proxy.url(), ports.smtp(), databases != null ? databases::url
                : ChaosServices.Wiring.files(settings.dataDir().resolve("db")));
    }

    /** Starts everything and waits until every service is healthy; on failure stops what it started. */
    public static ChaosStack start(ChaosSettings settings) throws IOException, InterruptedException {
        ChaosTopology topology = settings.topology();
        Ports ports = Ports.free();
        Files.createDirectories(settings.dataDir());
        ChaosKafka kafka = ChaosKafka.create(topology.brokers(), ports, settings.dataDir().resolve("kafka"));
        ChaosMailServer mail = new ChaosMailServer(ports.smtp());
        FaultProxy proxy = FaultProxy.start(ports.proxy(), ChaosServices.receiverWebhook(ports),
                new FaultPlan(settings.seed(), settings.faults()));
        SharedDatabases databases = topology.sharesDatabases()
                ? SharedDatabases.start(settings.dataDir().resolve("db"), 0) : null;
        ChaosStack stack = new ChaosStack(settings, ports, kafka, mail, proxy, databases);
        Runtime.getRuntime().addShutdownHook(stack.killOnExit);
        try {
            kafka.start(settings.startTimeout());
            TopicDeclarations.read(settings.home().resolve("topics.conf"))
                    .createMissing(kafka.bootstrapServers(), kafka.replicationFactor(), kafka.minInsyncReplicas());
            mail.start();
            stack.add(ChaosSettings.ORDERS_API, 1, ports.ordersApi());
            for (int n = 2; n <= topology.ordersApis(); n++) {
                stack.add(ChaosSettings.ORDERS_API, n, Ports.free1());
            }
            stack.add(ChaosSettings.DISPATCHER, 1, ports.dispatcher());
            stack.add(ChaosSettings.RECEIVER, 1, ports.receiver());
            stack.awaitHealthy(List.copyOf(stack.services.keySet()));
            return stack;
        } catch (InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Kills the service instance with SIGKILL, as a crash would; returns the pid it had. */
    public long kill(String name) throws InterruptedException {
        ServiceProcess service = service(name);
        long pid = service.pid();
        service.kill();
        return pid;
    }

    /** Starts the (killed) service instance again with the same settings and waits until it is healthy. */
    public void restart(String name) throws InterruptedException {
        service(name).start();
        awaitHealthy(List.of(name));
    }

    /**
     * Starts one more instance of each of {@code modules} on free ports, sharing their databases, and waits until
     * all are healthy; returns their names with their pids.
     */
    public String startInstances(List<String> modules) throws InterruptedException {
        if (databases == null) {
            throw new IllegalStateException("a second instance needs the shared databases (ChaosTopology)");
        }
        List<String> names = new ArrayList<>();
        for (String module : modules) {
            int n = 1;
            while (services.containsKey(ChaosServices.instance(module, n))) {
                n++;
            }
            names.add(add(module, n, Ports.free1()));
        }
        awaitHealthy(names);
        return String.join(" and ", names.stream().map(name -> name + " (pid " + service(name).pid() + ")")
                .toList());
    }

    /** Stops the single in-process broker cleanly, keeps it down for {@code downtime}, starts it again. */
    public void restartBroker(Duration downtime) throws InterruptedException {
        kafka.restartBroker(downtime);
    }

    /** SIGKILL of broker node {@code id} of the cluster; returns its pid. */
    public long killBrokerNode(int id) throws InterruptedException {
        return kafka.cluster().kill(id);
    }

    /** Starts broker node {@code id} again on its data and waits until every partition's ISR is full again. */
    public void restartBrokerNode(int id, Duration timeout) throws InterruptedException {
        kafka.cluster().restart(id);
        kafka.cluster().awaitRejoined(id, timeout);
    }

    public ChaosMailServer mail() {
        return mail;
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI ordersApi() {
        return URI.create("http://127.0.0.1:" + ports.ordersApi());
    }

    /** Every orders-api instance started with the stack; the order load spreads over them. */
    public List<URI> ordersApis() {
        return services.values().stream().filter(s -> s.spec().role().equals(ChaosSettings.ORDERS_API))
                .map(s -> URI.create("http://127.0.0.1:" + s.spec().port())).toList();
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new NoSuchElementException(name);
        }
        return service;
    }

    private String add(String module, int n, int port) {
        String name = ChaosServices.instance(module, n);
        ServiceSpec spec = ChaosServices.spec(settings, module, name, port, kafka.bootstrapServers(), wiring);
        checkBuilt(spec);
        services.put(name, new ServiceProcess(spec, settings.dataDir().resolve("logs")).start());
        return name;
    }

    /** Waits for the services in parallel: cold JVMs on two busy cores take a while each. */
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

    /** Kills the services this stack started (SIGKILL: the run is over), then stops proxy, SMTP, databases, Kafka. */
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
        if (databases != null) {
            databases.close();
        }
        kafka.close();
    }
}
