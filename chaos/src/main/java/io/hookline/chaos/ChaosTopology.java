package io.hookline.chaos;

import java.util.Map;

/**
 * How much of each part a chaos run starts. {@link #single()} is the classic run: one in-process broker (stopped
 * and started cleanly), one instance of each service, each service on its own H2 file. {@link #cluster()} is the
 * production shape on one machine: three KRaft brokers as separate JVMs (RF 3, {@code min.insync.replicas} 2), of
 * which one is killed with SIGKILL and restarted, two orders-api instances sharing one database (one outbox, two
 * relays), and a second dispatcher and receiver started mid-stream, after which the first dispatcher is killed
 * with SIGKILL for good. Databases are shared through an H2 TCP server whenever a service has several instances.
 *
 * @param brokers Kafka brokers (1: in this JVM; more: a {@code KraftCluster} of separate JVMs)
 * @param ordersApis orders-api instances from the start, the orders spread over them
 * @param scaleOut whether a second dispatcher and receiver join mid-stream and the first dispatcher is killed
 */
public record ChaosTopology(int brokers, int ordersApis, boolean scaleOut) {

    public ChaosTopology {
        if (brokers != 1 && brokers < 3) {
            throw new IllegalArgumentException("CHAOS_BROKERS must be 1 or at least 3 (RF 3), not " + brokers);
        }
        if (ordersApis < 1) {
            throw new IllegalArgumentException("CHAOS_ORDERS_APIS must be at least 1, not " + ordersApis);
        }
    }

    public static ChaosTopology single() {
        return new ChaosTopology(1, 1, false);
    }

    public static ChaosTopology cluster() {
        return new ChaosTopology(3, 2, true);
    }

    public boolean isCluster() {
        return brokers > 1;
    }

    /** Whether some service runs several instances, so the databases are served over TCP. */
    public boolean sharesDatabases() {
        return ordersApis > 1 || scaleOut;
    }

    /** This topology with the user's overrides ({@code CHAOS_BROKERS}, {@code CHAOS_ORDERS_APIS}, {@code CHAOS_SCALE_OUT}). */
    ChaosTopology withEnvironment(Map<String, String> env) {
        return new ChaosTopology(
                Integer.parseInt(env.getOrDefault("CHAOS_BROKERS", Integer.toString(brokers))),
                Integer.parseInt(env.getOrDefault("CHAOS_ORDERS_APIS", Integer.toString(ordersApis))),
                Boolean.parseBoolean(env.getOrDefault("CHAOS_SCALE_OUT", Boolean.toString(scaleOut))));
    }

    String describe() {
        return brokers + (brokers == 1 ? " broker (in process)" : " brokers (separate JVMs, RF 3, min ISR 2)") + ", "
                + ordersApis + " orders-api" + (scaleOut ? ", a second dispatcher and receiver mid-stream" : "");
    }
}
