package io.hookline.e2e.configdocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated part of {@code docs/configuration.md}: one table per {@code @ConfigurationProperties} class of
 * service-support and of each service (key, type, default, description), written from the configuration metadata
 * that {@code spring-boot-configuration-processor} puts in {@code <module>/target/classes/META-INF/} from the
 * classes and the Javadoc of their record components. Groups and properties are sorted by name, so the same
 * metadata always gives the same bytes.
 */
final class ConfigurationReference {

    /** Modules whose metadata is documented, in the order of the document, each with its heading. */
    static final Map<String, String> MODULES = modules();

    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal) ([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)? ([^}\\s]+)(?: ([^}]+))?}");
    private static final String METADATA = "target/classes/META-INF/spring-configuration-metadata.json";

    private final Path root;

    ConfigurationReference(Path repositoryRoot) {
        this.root = repositoryRoot;
    }

    /** The Markdown of every module's tables. */
    String markdown() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            out.append("### ").append(module.getValue()).append("\n");
            for (Group group : groups(metadata(module.getKey()))) {
                out.append("\n").append(table(group));
            }
            out.append("\n");
        }
        return out.toString();
    }

    private JsonNode metadata(String module) throws IOException {
        Path file = root.resolve(module).resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist: compile the module first (the reactor does, "
                    + "e.g. ./mvnw -B -pl e2e-tests -am test)");
        }
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    /** The metadata's top-level groups (one per {@code @ConfigurationProperties} class), each with its properties. */
    static List<Group> groups(JsonNode metadata) {
        List<String> names = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode group : metadata.path("groups")) {
            String type = group.path("type").asString();
            if (type.equals(group.path("sourceType").asString()) && group.path("sourceMethod").isMissingNode()) {
                names.add(group.path("name").asString());
                types.put(group.path("name").asString(), type);
            }
        }
        Map<String, List<JsonNode>> byGroup = new LinkedHashMap<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            names.stream().filter(group -> name.startsWith(group + ".")).max(Comparator.comparingInt(String::length))
                    .ifPresent(group -> byGroup.computeIfAbsent(group, key -> new ArrayList<>()).add(property));
        }
        return byGroup.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new Group(entry.getKey(), types.get(entry.getKey()), entry.getValue().stream()
                        .sorted(Comparator.comparing(property -> property.path("name").asString())).toList()))
                .toList();
    }

    static String table(Group group) {
        StringBuilder out = new StringBuilder();
        out.append("#### `").append(group.name()).append("` (").append(simpleType(group.type())).append(")\n\n");
        out.append("| key | type | default | description |\n| --- | --- | --- | --- |\n");
        for (JsonNode property : group.properties()) {
            out.append("| `").append(property.path("name").asString()).append("` | ")
                    .append(cell(simpleType(property.path("type").asString()))).append(" | ")
                    .append(defaultValue(property.get("defaultValue"))).append(" | ")
                    .append(cell(description(property.path("description").asString()))).append(" |\n");
        }
        return out.toString();
    }

    /** {@code java.util.List<io.hookline.x.Outer$Inner>} becomes {@code List<Outer.Inner>}. */
    static String simpleType(String type) {
        return type.replaceAll("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.(?=[A-Z])", "").replace('$', '.')
                .replace(",", ", ");
    }

    static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(element.asString()));
            return elements.isEmpty() ? "*(empty)*" : cell("`" + String.join(", ", elements) + "`");
        }
        String text = value.asString();
        return text.isEmpty() ? "*(empty)*" : cell("`" + text + "`");
    }

    /** Javadoc to Markdown: {@code x} and {@link X#y} become code, a link's label stays text, whitespace one space. */
    static String description(String javadoc) {
        String code = CODE.matcher(javadoc).replaceAll(match -> Matcher.quoteReplacement("`" + match.group(1) + "`"));
        String links = LINK.matcher(code).replaceAll(match -> Matcher.quoteReplacement(match.group(2) != null
                ? match.group(2) : "`" + match.group(1).replaceFirst("^#", "").replace('#', '.') + "`"));
        return links.replaceAll("\\s+", " ").trim();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("service-support", "Every service (service-support)");
        modules.put("orders-api", "orders-api");
        modules.put("webhook-dispatcher", "webhook-dispatcher");
        modules.put("notification-receiver", "notification-receiver");
        return modules;
    }

    /** One {@code @ConfigurationProperties} class: its prefix, its type and its properties, sorted by name. */
    record Group(String name, String type, List<JsonNode> properties) {
    }
}
