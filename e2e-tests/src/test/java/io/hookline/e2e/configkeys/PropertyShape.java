package io.hookline.e2e.configkeys;

import java.util.List;
import java.util.Map;

/**
 * What may follow a known property's name in a key: nothing (a single value), an index (a list), a map key
 * (a map), a field of one of our own types, or anything at all (a library type we do not look into).
 */
sealed interface PropertyShape {

    /** Whether the rest of a key, after the property's own name, fits this shape. */
    boolean accepts(List<String> rest, boolean fromEnvironment);

    record Value() implements PropertyShape {
        @Override
        public boolean accepts(List<String> rest, boolean fromEnvironment) {
            return rest.isEmpty();
        }
    }

    /** A list, set or array: the whole value (comma-separated), or {@code [n]} and then the element. */
    record Indexed(PropertyShape element) implements PropertyShape {
        @Override
        public boolean accepts(List<String> rest, boolean fromEnvironment) {
            return rest.isEmpty() || (ConfigurationKey.isIndex(rest.getFirst())
                    && element.accepts(rest.subList(1, rest.size()), fromEnvironment));
        }
    }

    /**
     * A map: any key (which may contain dots: {@code spring.kafka.producer.properties.enable.idempotence}); with
     * values of one of our types, a one-element key and then one of its fields.
     */
    record Keyed(PropertyShape value) implements PropertyShape {
        @Override
        public boolean accepts(List<String> rest, boolean fromEnvironment) {
            if (rest.isEmpty()) {
                return false;
            }
            return value instanceof Fields ? value.accepts(rest.subList(1, rest.size()), fromEnvironment) : true;
        }
    }

    /** One of our own types: one of its fields (kebab-case names), then what that field accepts. */
    record Fields(Map<String, PropertyShape> fields) implements PropertyShape {
        @Override
        public boolean accepts(List<String> rest, boolean fromEnvironment) {
            return fields.entrySet().stream().anyMatch(field -> PropertyNames.matchPrefix(field.getKey(), rest,
                    fromEnvironment).stream().anyMatch(end -> field.getValue().accepts(rest.subList(end, rest.size()),
                    fromEnvironment)));
        }
    }

    /** A type we do not look into: whatever follows is accepted. */
    record Anything() implements PropertyShape {
        @Override
        public boolean accepts(List<String> rest, boolean fromEnvironment) {
            return true;
        }
    }
}
