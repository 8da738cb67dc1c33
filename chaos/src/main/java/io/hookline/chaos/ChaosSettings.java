package io.hookline.chaos;

import io.hookline.chaos.proxy.FaultShares;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one chaos run needs to know: how many orders, how fast, which faults and when, and how long each
 * phase may take. {@link #full(int, Path, Path)} is the command's run (production settings of the services),
 * {@link #small(int, Path, Path)} the test suite's (one kill, a short SMTP outage, short retry delays).
 *
 * @param orders orders placed and paid
 * @param ordersPerSecond arrival rate of new orders (the stream must last long enough for the faults to hit it)
 * @param clients concurrent client threads, each retrying its requests with the same Idempotency-Key
 * @param seed seeds the proxy's faults and the clients' back-off jitter
 * @param faults what the proxy in front of the receiver does to each webhook request
 * @param kills services killed with SIGKILL (and restarted), in this order, spread over the stream
 * @param brokerRestart whether the broker is stopped and started again mid-stream
 * @param brokerDowntime how long the broker stays down
 * @param smtpOutage how long the SMTP server stays down (zero: no outage)
 * @param dispatcherRetryDelays {@code hookline.dispatcher.retry.delays}, or null for the dispatcher's own default
 * @param startTimeout how long a (re)started service may take to become healthy
 * @param orderDeadline how long one order's create-and-pay may take, retries included
 * @param drainDeadline how long the platform may take, after the last payment, to finish its work
 * @param home the repository root ({@code <module>/target/<module>-exec.jar}, {@code topics.conf})
 * @param dataDir the run's broker data, databases and logs (fresh per run)
 * @param topology how many brokers and service instances
 */
public record ChaosSettings(
        int orders,
        double ordersPerSecond,
        int clients,
        long seed,
        FaultShares faults,
        List<String> kills,
        boolean brokerRestart,
        Duration brokerDowntime,
        Duration smtpOutage,
        String dispatcherRetryDelays,
        Duration startTimeout,
        Duration orderDeadline,
        Duration drainDeadline,
        Path home,
        Path dataDir,
        ChaosTopology topology) {

    public static final String ORDERS_API = "orders-api";
    public static final String DISPATCHER = "webhook-dispatcher";
    public static final String RECEIVER = "notification-receiver";

    /**
     * The command's run: every service killed once, a broker restart, a three-minute SMTP outage, the services'
     * production retry schedules (dispatcher 5 s, 5 min, 30 min, ...; receiver mail 1 s doubling to 15 s, 8 retries).
     */
    public static ChaosSettings full(int orders, Path home, Path dataDir) {
        return new ChaosSettings(orders, 40, 16, 13L, FaultShares.DEFAULT,
                List.of(DISPATCHER, RECEIVER, ORDERS_API), true, Duration.ofSeconds(15), Duration.ofMinutes(3),
                null, Duration.ofMinutes(3), Duration.ofMinutes(6), Duration.ofMinutes(12), home, dataDir,
                ChaosTopology.single());
    }

    /**
     * The test suite's run: one kill (the dispatcher), a 20 s SMTP outage, no broker restart, the dispatcher's
     * retries after 1 s, 2 s, 4 s, ... so a delivery hit by the proxy twice is retried within seconds.
     */
    public static ChaosSettings small(int orders, Path home, Path dataDir) {
        return new ChaosSettings(orders, 5, 4, 13L, FaultShares.DEFAULT, List.of(DISPATCHER), false,
                Duration.ZERO, Duration.ofSeconds(20), "1s,2s,4s,8s,15s,30s,60s", Duration.ofMinutes(3),
                Duration.ofMinutes(3), Duration.ofMinutes(3), home, dataDir, ChaosTopology.single());
    }

    /**
     * The test suite's cluster run ({@link ChaosTopology#cluster()}): three brokers, one of them killed with SIGKILL
     * and restarted; two orders-api; a second dispatcher and receiver joining, then the first dispatcher killed for
     * good. No SMTP outage and no restart of a killed service: the run is about the cluster and the instances.
     * Seven JVMs start at once (nine after the scale-out), so each may take up to five minutes on a busy machine.
     */
    public static ChaosSettings smallCluster(int orders, Path home, Path dataDir) {
        return new ChaosSettings(orders, 4, 4, 17L, FaultShares.DEFAULT, List.of(), true, Duration.ofSeconds(10),
                Duration.ZERO, "1s,2s,4s,8s,15s,30s,60s", Duration.ofMinutes(5), Duration.ofMinutes(3),
                Duration.ofMinutes(3), home, dataDir, ChaosTopology.cluster());
    }

    /** The full run with the overrides a user gave as environment variables (docs/reliability.md). */
    public ChaosSettings withEnvironment(Map<String, String> env) {
        return new ChaosSettings(orders,
                Double.parseDouble(env.getOrDefault("CHAOS_RATE", Double.toString(ordersPerSecond))),
                Integer.parseInt(env.getOrDefault("CHAOS_CLIENTS", Integer.toString(clients))),
                Long.parseLong(env.getOrDefault("CHAOS_SEED", Long.toString(seed))),
                faults,
                env.containsKey("CHAOS_KILLS") ? split(env.get("CHAOS_KILLS")) : kills,
                Boolean.parseBoolean(env.getOrDefault("CHAOS_BROKER_RESTART", Boolean.toString(brokerRestart))),
                brokerDowntime,
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_SMTP_OUTAGE_SECONDS",
                        Long.toString(smtpOutage.toSeconds())))),
                env.getOrDefault("CHAOS_DISPATCHER_RETRY_DELAYS", dispatcherRetryDelays),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_START_TIMEOUT_SECONDS",
                        Long.toString(startTimeout.toSeconds())))),
                orderDeadline,
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_DRAIN_SECONDS",
                        Long.toString(drainDeadline.toSeconds())))),
                home, dataDir, topology.withEnvironment(env));
    }

    private static List<String> split(String names) {
        return names.isBlank() ? List.of() : List.of(names.trim().split("\\s*,\\s*"));
    }

    /** How long placing the orders may take: the stream at its rate, plus every order's own deadline. */
    public Duration placementDeadline() {
        return Duration.ofMillis((long) (orders / ordersPerSecond * 1000)).plus(orderDeadline).plus(startTimeout);
    }
}
