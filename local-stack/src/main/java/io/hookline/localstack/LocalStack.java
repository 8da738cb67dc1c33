package io.hookline.localstack;

import io.hookline.kafka.embedded.KraftBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, one command: an embedded Apache Kafka broker (KRaft) on
 * localhost:9092 with its data under {@code .local-stack/kafka}, an SMTP catcher on localhost:3025 with
 * its page on localhost:8025 ({@link LocalMailbox}), then orders-api (8080),
 * webhook-dispatcher (8081) and notification-receiver (8082) as child JVMs, the receiver subscribed to
 * {@code order.paid}. Ctrl-C stops everything cleanly. See {@link StackSettings} for the knobs.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        long started = System.nanoTime();
        RunningStack stack;
        try {
            stack = start(settings);
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
        log.info(StartupBanner.render(settings, stack, (System.nanoTime() - started) / 1_000_000));
        stopped.await();
    }

    /** Starts the broker (unless an external one is configured) and the services; waits until all are healthy. */
    public static RunningStack start(StackSettings settings) throws InterruptedException {
        PidFile pidFile = new PidFile(settings.dataDir().resolve("services.pid"));
        pidFile.killLeftovers();
        // The bootstrap servers are not known yet; only the jars and ports of these specs are read.
        List<ServiceSpec> specs = StackServices.of(settings, "localhost:" + settings.kafkaPort());
        checkJarsBuilt(specs);
        checkPortsFree(settings, specs);
        LocalMailbox mailbox = LocalMailbox.start(settings.smtpPort(), settings.mailUiPort());
        KraftBroker broker = null;
        String bootstrap = settings.externalBootstrapServers();
        if (settings.embeddedBroker()) {
            try {
                broker = KraftBroker.create(settings.kafkaPort(), settings.kafkaControllerPort(),
                        settings.dataDir().resolve("kafka"), 3).start();
                TopicDeclarations.read(settings.home().resolve("topics.conf"))
                        .createMissing(broker.bootstrapServers(), (short) 1);
            } catch (RuntimeException | InterruptedException e) {
                if (broker != null) {
                    broker.stop();
                }
                mailbox.close();
                throw e;
            }
            bootstrap = broker.bootstrapServers();
        }
        List<ServiceProcess> processes = new ArrayList<>();
        for (ServiceSpec spec : StackServices.of(settings, bootstrap, mailbox.smtpPort())) {
            processes.add(new ServiceProcess(spec, settings.dataDir().resolve("logs")).start());
        }
        pidFile.write(processes);
        RunningStack stack = new RunningStack(broker, bootstrap, processes, pidFile, mailbox);
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

    private static void checkJarsBuilt(List<ServiceSpec> specs) {
        for (ServiceSpec spec : specs) {
            if (!java.nio.file.Files.isRegularFile(spec.jar())) {
                throw new IllegalStateException(spec.jar() + " does not exist: build first with "
                        + "./mvnw -DskipTests package (run-local-stack.sh does)");
            }
        }
    }

    private static void checkPortsFree(StackSettings settings, List<ServiceSpec> specs) {
        List<Integer> ports = new ArrayList<>(specs.stream().map(ServiceSpec::port).toList());
        if (settings.embeddedBroker()) {
            ports.add(settings.kafkaPort());
            ports.add(settings.kafkaControllerPort());
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
