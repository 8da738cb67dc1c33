package io.hookline.e2e.configdocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/configuration.md} between its generated markers is exactly what {@link ConfigurationReference} makes
 * of the modules' configuration metadata, and every property of ours has a description. With
 * {@code -Dconfiguration.write=true} the test rewrites that part of the file instead of failing on it.
 */
class ConfigurationReferenceTests {

    static final String WRITE = "configuration.write";
    static final String REGENERATE = "./mvnw -B -pl e2e-tests -am test -Dtest=ConfigurationReferenceTests "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
    static final String BEGIN = "<!-- BEGIN GENERATED from the configuration metadata by ConfigurationReferenceTests;"
            + " do not edit, regenerate: " + REGENERATE + " -->\n";
    static final String END = "<!-- END GENERATED -->\n";

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCUMENT = ROOT.resolve("docs/configuration.md");

    @Test
    void theCommittedReferenceIsWhatTheMetadataGives() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/configuration.md has the line %s", BEGIN.strip()).isNotNegative();
        assertThat(end).as("docs/configuration.md has the line %s after the first", END.strip()).isGreaterThan(begin);

        String generated = "\n" + new ConfigurationReference(ROOT).markdown();
        String committed = document.substring(begin + BEGIN.length(), end);
        if (!generated.equals(committed) && Boolean.getBoolean(WRITE)) {
            Files.writeString(DOCUMENT, document.substring(0, begin + BEGIN.length()) + generated
                    + document.substring(end), StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed).as("docs/configuration.md is stale: regenerate it with %s and commit it", REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void everyPropertyOfOursSaysWhatItIs() throws IOException {
        List<String> undescribed = new ArrayList<>();
        for (String module : ConfigurationReference.MODULES.keySet()) {
            JsonNode metadata = JsonMapper.builder().build().readTree(
                    ROOT.resolve(module).resolve("target/classes/META-INF/spring-configuration-metadata.json").toFile());
            for (JsonNode property : metadata.path("properties")) {
                if (property.path("description").asString().isBlank()) {
                    undescribed.add(module + ": " + property.path("name").asString());
                }
            }
        }
        assertThat(undescribed).as("properties without Javadoc (add an @param to the record)").isEmpty();
    }

    @Test
    void javadocBecomesMarkdown() {
        assertThat(ConfigurationReference.description("at most {@code max-in-flight} per {@link Foo#bar()},\n   or"
                + " {@link RetryPolicy}")).isEqualTo("at most `max-in-flight` per `Foo.bar()`, or `RetryPolicy`");
        assertThat(ConfigurationReference.simpleType(
                "java.util.List<io.hookline.dispatcher.endpoint.EndpointProperties$ConfiguredEndpoint>"))
                .isEqualTo("List<EndpointProperties.ConfiguredEndpoint>");
        assertThat(ConfigurationReference.simpleType("java.util.Map<java.lang.String,java.lang.String>"))
                .isEqualTo("Map<String, String>");
    }
}
