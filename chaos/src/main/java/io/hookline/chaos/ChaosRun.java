package io.hookline.chaos;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code bench/chaos.sh [orders]}: one chaos run with the full schedule (docs/reliability.md), its report on
 * standard output; exit status 0 when every invariant held, 1 when one failed, 2 when the run could not start.
 */
public final class ChaosRun {

    private ChaosRun() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "chaos-logback.xml");
        }
        Map<String, String> env = System.getenv();
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path home = Path.of(env.getOrDefault("HOOKLINE_HOME", ".")).toAbsolutePath().normalize();
        Path dataDir = env.containsKey("CHAOS_DIR") ? Path.of(env.get("CHAOS_DIR")).toAbsolutePath()
                : home.resolve("chaos/target/runs/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                        "yyyyMMdd-HHmmss")));
        ChaosSettings settings = ("small".equals(env.get("CHAOS_PROFILE"))
                ? ChaosSettings.small(orders, home, dataDir) : ChaosSettings.full(orders, home, dataDir))
                .withEnvironment(env);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        ChaosReport report;
        try {
            report = ChaosSuite.run(settings);
        } catch (IllegalStateException e) {
            out.println("chaos run did not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        out.print(report.render());
        out.println("logs: " + dataDir.resolve("logs"));
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }
}
