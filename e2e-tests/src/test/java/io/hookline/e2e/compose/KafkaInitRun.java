package io.hookline.e2e.compose;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code compose/kafka-init.sh} as compose's {@code kafka-init} runs it (its environment and arguments from
 * the resolved compose file), against a local broker: the Kafka tools it calls ({@code kafka-configs.sh},
 * {@code kafka-topics.sh}, {@code kafka-acls.sh}) are this build's Kafka command classes, run by small scripts
 * in {@code KAFKA_BIN}; container paths become the repository's files.
 *
 * @param exitCode the script's exit status
 * @param output what it printed (stdout and stderr)
 */
record KafkaInitRun(int exitCode, String output) {

    private static final String QUIET_LOGGING = """
            <configuration>
              <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%-5level %logger{30} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="console"/></root>
            </configuration>
            """;

    private static final Map<String, String> TOOLS = Map.of(
            "kafka-configs.sh", "kafka.admin.ConfigCommand",
            "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand",
            "kafka-acls.sh", "org.apache.kafka.tools.AclCommand");

    static KafkaInitRun of(List<String> entrypoint, Map<String, String> environment, String bootstrap, Path work)
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path logging = Files.writeString(work.resolve("tools-logback.xml"), QUIET_LOGGING);
        String java = ProcessHandle.current().info().command().orElse("java");
        for (Map.Entry<String, String> tool : TOOLS.entrySet()) {
            Path script = bin.resolve(tool.getKey());
            // ~30 short JVMs: C1 only, and a class-data archive written by the first and mapped by the others
            Files.writeString(script, "#!/usr/bin/env bash\nexec '" + java + "' -XX:TieredStopAtLevel=1 "
                    + "-XX:+UseSerialGC -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile='"
                    + work.resolve("kafka-tools.jsa") + "' -Dlogback.configurationFile='" + logging
                    + "' -cp \"$HOOKLINE_TOOLS_CLASSPATH\" " + tool.getValue() + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        // [bash, /usr/local/bin/kafka-init.sh, topics.conf, kafka-acls.conf, bootstrap, replication, min.insync]
        List<String> command = List.of("bash", ComposeTool.ROOT.resolve("compose/kafka-init.sh").toString(),
                ComposeTool.ROOT.resolve("topics.conf").toString(),
                ComposeTool.ROOT.resolve("compose/kafka-acls.conf").toString(), bootstrap, "1", "1");
        if (!entrypoint.get(2).endsWith("topics.conf") || !entrypoint.get(3).endsWith("kafka-acls.conf")) {
            throw new IllegalStateException("kafka-init's arguments changed: " + entrypoint);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("KAFKA_BIN", bin.toString());
        builder.environment().put("HOOKLINE_TOOLS_CLASSPATH", toolsClasspath());
        Path log = work.resolve("kafka-init.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kafka-init.sh did not finish in 10 minutes: " + Files.readString(log));
        }
        return new KafkaInitRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The test class path's jars: the Kafka tools need nothing else, and a class-data archive takes only jars. */
    private static String toolsClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
    }
}
