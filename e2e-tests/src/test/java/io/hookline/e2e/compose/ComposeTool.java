package io.hookline.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The compose tool ({@code docker compose}, else {@code docker-compose}) run on {@code compose/docker-compose.yml}
 * with {@code compose/.env.example}: it needs no Docker engine to resolve and validate the file. A machine without
 * either tool skips the tests that need it ({@link Prerequisites}).
 */
public final class ComposeTool {

    /** The repository's root (the tests run in {@code e2e-tests/}). */
    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    public record Result(int exitCode, String output) {
    }

    private ComposeTool() {
    }

    /** The file as the compose tool resolves it: anchors merged, {@code ${VAR}} from the example env file. */
    public static JsonNode resolved() throws Exception {
        Result result = run("config");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return YAMLMapper.builder().build().readTree(result.output());
    }

    /** A resolved service's {@code environment}, as a map of strings. */
    public static Map<String, String> environment(JsonNode services, String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        services.get(service).get("environment").properties()
                .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString()));
        return environment;
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-f", ROOT.resolve("compose/docker-compose.yml").toString(),
                "--env-file", ROOT.resolve("compose/.env.example").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return new Result(process.exitValue(), process.exitValue() == 0 ? output : errors + output);
    }

    private static List<String> composeCommand() throws InterruptedException {
        if (runs("docker", "compose", "version")) {
            return List.of("docker", "compose");
        }
        if (runs("docker-compose", "version")) {
            return List.of("docker-compose");
        }
        Prerequisites.require(false, "neither 'docker compose' nor 'docker-compose' is installed, so the compose "
                + "file cannot be checked; bin/test installs Debian's docker-compose");
        return List.of();
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
