package io.hookline.e2e.configkeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The configuration properties one service knows: every property in the configuration metadata of the jars
 * on its class path (Spring Boot's auto-configuration modules, the libraries', and ours, written by
 * {@code spring-boot-configuration-processor}), each with the {@link PropertyShape} of what may follow its name.
 */
final class KnownProperties {

    record Known(String name, PropertyShape shape) {
    }

    private final List<Known> properties;

    KnownProperties(List<Known> properties) {
        this.properties = List.copyOf(properties);
    }

    /** From {@code META-INF/spring-configuration-metadata.json} documents; types are resolved by {@code shapes}. */
    static KnownProperties fromMetadata(List<JsonNode> documents, TypeShapes shapes) {
        List<Known> known = new ArrayList<>();
        for (JsonNode document : documents) {
            JsonNode list = document.path("properties");
            for (JsonNode property : list) {
                JsonNode type = property.get("type");
                known.add(new Known(property.get("name").asString(),
                        shapes.ofProperty(type == null ? null : type.asString())));
            }
        }
        return new KnownProperties(known);
    }

    /** Properties given by name and shape (tests). */
    static KnownProperties of(Map<String, PropertyShape> properties) {
        return new KnownProperties(properties.entrySet().stream()
                .map(entry -> new Known(entry.getKey(), entry.getValue())).toList());
    }

    int size() {
        return properties.size();
    }

    /** Whether Spring Boot would bind this key to one of the known properties. */
    boolean isKnown(ConfigurationKey key) {
        return properties.stream().anyMatch(property -> PropertyNames.matchPrefix(property.name(), key.elements(),
                key.fromEnvironment()).stream().anyMatch(end -> property.shape().accepts(
                key.elements().subList(end, key.elements().size()), key.fromEnvironment())));
    }

    /**
     * The known property nearest to the key, for the message of a miss: the one sharing most leading elements,
     * then the one with the smallest edit distance.
     */
    Optional<String> nearest(ConfigurationKey key) {
        List<String> wanted = key.elements().stream().filter(element -> !ConfigurationKey.isIndex(element))
                .map(PropertyNames::uniform).toList();
        return properties.stream().map(Known::name).min(Comparator
                .comparingInt((String name) -> -sharedLeadingElements(name, wanted))
                .thenComparingInt(name -> PropertyNames.distance(PropertyNames.uniform(name),
                        String.join(".", wanted)))
                .thenComparing(Comparator.naturalOrder()));
    }

    private static int sharedLeadingElements(String name, List<String> wanted) {
        List<String> elements = ConfigurationKey.elementsOf(name);
        int shared = 0;
        while (shared < elements.size() && shared < wanted.size()
                && PropertyNames.uniform(elements.get(shared)).equals(wanted.get(shared))) {
            shared++;
        }
        return shared;
    }
}
