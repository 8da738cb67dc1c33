package io.hookline.localstack;

import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.kafka.embedded.KraftCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, one command: an embedded Apache Kafka broker (KRaft) on
 * localhost:9092 with its data under {@code .local-stack/kafka}, an SMTP catcher on localhost:3025 with
 * its page on localhost:8025 ({@link LocalMailbox}), then orders-api (8080),
 * webhook-dispatcher (8081) and notification-receiver (8082) as child JVMs, the receiver subscribed to
 * {@code order.paid}. Ctrl-C stops everything cleanly. See {@link StackSettings} for the knobs and
 * {@link StackTopology} for {@code --brokers 3} (a three-broker cluster of separate JVMs) and several instances
 * of a service ({@code --orders-apis 2}, {@code --dispatchers N}, {@code --receivers N}).
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        long started = System.nanoTime();
        RunningStack stack;
        StackTopology topology;
        try {
            topology = StackTopology.parse(args);
        } catch (IllegalArgumentException e) {
            log.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        try {
            stack = start(settings, topology);
        } catch (IllegalStateException e) {
            log.error("The local stack did not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local stack...");
            stack.close();
            log.info("Stopped.");
            stopped.countDown();
        }, "local-stack-shutdown"));
        log.info(StartupBanner.render(settings, topology, stack, (System.nanoTime() - started) / 1_000_000));
        stopped.await();
    }

    /** Starts the broker (unless an external one is configured) and the services; waits until all are healthy. */
    public static RunningStack start(StackSettings settings) throws InterruptedException {
        return start(settings, StackTopology.SINGLE);
    }

    /** As {@link #start(StackSettings)}, with as many brokers and service instances as {@code topology} says. */
    public static RunningStack start(StackSettings settings, StackTopology topology) throws InterruptedException {
        PidFile pidFile = new PidFile(settings.dataDir().resolve("services.pid"));
        pidFile.killLeftovers();
        // The bootstrap servers are not known yet; only the jars and ports of these specs are read.
        List<ServiceSpec> specs = StackServices.of(settings, topology, "localhost:" + settings.kafkaPort(),
                settings.smtpPort(), StackServices.files(settings.dataDir()));
        checkJarsBuilt(specs);
        checkPortsFree(settings, topology, specs);
        LocalMailbox mailbox = LocalMailbox.start(settings.smtpPort(), settings.mailUiPort());
        AutoCloseable kafka = null;
        SharedDatabases databases = null;
        String bootstrap = settings.externalBootstrapServers();
        try {
            if (settings.embeddedBroker()) {
                StartedKafka started = startKafka(settings, topology);
                kafka = started.kafka();
                bootstrap = started.bootstrapServers();
            }
            if (topology.sharesDatabases()) {
                databases = SharedDatabases.start(settings.dataDir().resolve("db"), 0);
            }
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(databases);
            closeQuietly(kafka);
            mailbox.close();
            throw e;
        }
        UnaryOperator<String> database = databases != null ? databases::url : StackServices.files(settings.dataDir());
        List<ServiceProcess> processes = new ArrayList<>();
        for (ServiceSpec spec : StackServices.of(settings, topology, bootstrap, mailbox.smtpPort(), database)) {
            processes.add(new ServiceProcess(spec, settings.dataDir().resolve("logs")).start());
        }
        pidFile.write(processes);
        RunningStack stack = new RunningStack(kafka, databases, bootstrap, processes, pidFile, mailbox);
        try {
            for (ServiceProcess process : processes) {
                process.awaitHealthy(settings.startTimeout());
            }
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    private record StartedKafka(AutoCloseable kafka, String bootstrapServers) {
    }

    /**
     * One broker in this JVM ({@code <data>/kafka}) or a cluster of broker JVMs ({@code <data>/kafka-cluster},
     * node {@code i} on {@code KAFKA_PORT + 2(i - 1)}), with the topics of {@code topics.conf}: replication 1, or 3
     * with {@code min.insync.replicas} 2 on a cluster.
     */
    private static StartedKafka startKafka(StackSettings settings, StackTopology topology)
            throws InterruptedException {
        TopicDeclarations topics = TopicDeclarations.read(settings.home().resolve("topics.conf"));
        if (!topology.cluster()) {
            KraftBroker broker = KraftBroker.create(settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.dataDir().resolve("kafka"), 3).start();
            try {
                topics.createMissing(broker.bootstrapServers(), (short) 1);
            } catch (RuntimeException | InterruptedException e) {
                broker.stop();
                throw e;
            }
            return new StartedKafka(broker::stop, broker.bootstrapServers());
        }
        KraftCluster cluster = KraftCluster.create(topology.brokers(), settings.kafkaPort(),
                settings.dataDir().resolve("kafka-cluster")).start(settings.startTimeout());
        try {
            topics.createMissing(cluster.bootstrapServers(), cluster.replicationFactor(), cluster.minInsyncReplicas());
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
        return new StartedKafka(cluster, cluster.bootstrapServers());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Could not stop {}: {}", closeable, e.getMessage());
        }
    }

    private static void checkJarsBuilt(List<ServiceSpec> specs) {
        for (ServiceSpec spec : specs) {
            if (!java.nio.file.Files.isRegularFile(spec.jar())) {
                throw new IllegalStateException(spec.jar() + " does not exist: build first with "
                        + "./mvnw -DskipTests package (run-local-stack.sh does)");
            }
        }
    }

    private static void checkPortsFree(StackSettings settings, StackTopology topology, List<ServiceSpec> specs) {
        List<Integer> ports = new ArrayList<>(specs.stream().map(ServiceSpec::port).toList());
        if (settings.embeddedBroker() && !topology.cluster()) {
            ports.add(settings.kafkaPort());
            ports.add(settings.kafkaControllerPort());
        } else if (settings.embeddedBroker() && settings.kafkaPort() != 0) {
            for (int port = settings.kafkaPort(); port < settings.kafkaPort() + 2 * topology.brokers(); port++) {
                ports.add(port);
            }
        }
        ports.add(settings.smtpPort());
        ports.add(settings.mailUiPort());
        ports.removeIf(port -> port == 0);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is already in use (another local stack?); "
                        + "stop it or choose other ports, see docs/configuration.md");
            }
        }
    }
}
