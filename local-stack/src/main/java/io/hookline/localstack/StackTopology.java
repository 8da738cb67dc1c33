package io.hookline.localstack;

import java.util.List;

/**
 * How many of each part the local stack runs, from its command line:
 * {@code --brokers N --orders-apis N --dispatchers N --receivers N} (each {@code --flag N} or {@code --flag=N}).
 * The default, one of each, is the classic stack: one broker in the launcher's JVM, each service on an H2 file.
 * Three brokers or more run as separate JVMs ({@code KraftCluster}, topics with RF 3 and min ISR 2); several
 * instances of a service share its database through an H2 TCP server in the launcher ({@link SharedDatabases}).
 * Instance {@code n} of a service listens on its port plus {@code 10 (n - 1)} (8080, 8090, ...).
 */
public record StackTopology(int brokers, int ordersApis, int dispatchers, int receivers) {

    public static final StackTopology SINGLE = new StackTopology(1, 1, 1, 1);
    static final int INSTANCE_PORT_STEP = 10;
    static final String USAGE = "usage: run-local-stack.sh [--brokers 1|3..] [--orders-apis N] [--dispatchers N] "
            + "[--receivers N]";

    public StackTopology {
        if (brokers != 1 && brokers < 3) {
            throw new IllegalArgumentException("--brokers must be 1 or at least 3 (replication factor 3), not "
                    + brokers);
        }
        for (int count : List.of(ordersApis, dispatchers, receivers)) {
            if (count < 1 || count > 9) {
                throw new IllegalArgumentException("a service runs 1 to 9 instances, not " + count);
            }
        }
    }

    public static StackTopology parse(String[] args) {
        int brokers = 1;
        int ordersApis = 1;
        int dispatchers = 1;
        int receivers = 1;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int equals = flag.indexOf('=');
            if (equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + " needs a number; " + USAGE);
            }
            int count = number(flag, value);
            switch (flag) {
                case "--brokers" -> brokers = count;
                case "--orders-apis" -> ordersApis = count;
                case "--dispatchers" -> dispatchers = count;
                case "--receivers" -> receivers = count;
                default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
            }
        }
        return new StackTopology(brokers, ordersApis, dispatchers, receivers);
    }

    public boolean cluster() {
        return brokers > 1;
    }

    /** Whether some service runs several instances, so its database is served over TCP. */
    public boolean sharesDatabases() {
        return ordersApis > 1 || dispatchers > 1 || receivers > 1;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not '" + value + "'; " + USAGE);
        }
    }
}
