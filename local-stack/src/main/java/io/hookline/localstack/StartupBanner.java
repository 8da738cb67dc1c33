package io.hookline.localstack;

import java.util.StringJoiner;

/** The table the launcher prints once everything is up: where each piece listens. */
final class StartupBanner {

    private StartupBanner() {
    }

    static String render(StackSettings settings, RunningStack stack, long startedInMillis) {
        return render(settings, StackTopology.SINGLE, stack, startedInMillis);
    }

    static String render(StackSettings settings, StackTopology topology, RunningStack stack, long startedInMillis) {
        StringJoiner out = new StringJoiner("\n", "\n", "\n");
        out.add("hookline local stack is up (" + startedInMillis + " ms)");
        String kafka = !settings.embeddedBroker() ? "external cluster (KAFKA_BOOTSTRAP_SERVERS)"
                : topology.cluster() ? topology.brokers() + " KRaft brokers (separate JVMs; topics RF 3, min ISR 2), "
                        + "data in " + settings.dataDir().resolve("kafka-cluster")
                : "embedded KRaft broker, data in " + settings.dataDir().resolve("kafka");
        out.add(String.format("  %-22s %-34s %s", "kafka", stack.bootstrapServers(), kafka));
        for (ServiceProcess service : stack.services()) {
            out.add(String.format("  %-22s %-34s %s", service.spec().name(), service.spec().baseUrl(),
                    service.spec().role()));
        }
        out.add(String.format("  %-22s %-34s %s", "orders-api key", StackSettings.DEVELOPMENT_ORDERS_API_KEY,
                "the development client: -H \"Authorization: Bearer <key>\""));
        out.add(String.format("  %-22s %-34s %s", "operator console", "http://localhost:" + settings.dispatcherPort()
                + "/console", "dead letters and endpoints; admin token " + StackServices.LOCAL_ADMIN_TOKEN));
        out.add(String.format("  %-22s %-34s %s", "mailbox (SMTP catcher)", stack.mailbox().webUrl(),
                "the receiver's e-mails, caught on SMTP localhost:" + stack.mailbox().smtpPort()));
        if (stack.databases() != null) {
            out.add(String.format("  %-22s %-34s %s", "H2 database server", "tcp://127.0.0.1:" + stack.databases().port(),
                    "the instances of each service share its database"));
        }
        out.add("  logs: " + settings.dataDir().resolve("logs") + "   databases: " + settings.dataDir().resolve("db"));
        out.add("Press Ctrl-C to stop.");
        return out.toString();
    }
}
