package io.hookline.e2e.configkeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A configuration key as Spring Boot's relaxed binding reads it: a list of elements, each a name or an index
 * ({@code [0]}). Built from an environment variable ({@code HOOKLINE_DISPATCHER_ENDPOINTS_0_NAME}: underscores separate
 * elements, numbers are indexes, and an underscore may also stand for a dash inside a name, so
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} reaches {@code spring.kafka.bootstrap-servers}) or from a property
 * name as written in a YAML or properties file ({@code spring.kafka.producer.properties.enable.idempotence}).
 *
 * @param source what was written (the variable's name, or the property name)
 * @param elements lower-case names and {@code [n]} indexes
 * @param fromEnvironment whether underscores may stand for dashes (environment variables only)
 */
record ConfigurationKey(String source, List<String> elements, boolean fromEnvironment) {

    static ConfigurationKey environmentVariable(String name) {
        List<String> elements = new ArrayList<>();
        for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                elements.add(part.chars().allMatch(Character::isDigit) ? "[" + part + "]" : part);
            }
        }
        return new ConfigurationKey(name, List.copyOf(elements), true);
    }

    static ConfigurationKey property(String name) {
        return new ConfigurationKey(name, elementsOf(name), false);
    }

    /** The key in Spring's dotted form, as it is shown in messages. */
    String dotted() {
        StringBuilder dotted = new StringBuilder();
        for (String element : elements) {
            if (!dotted.isEmpty() && !isIndex(element)) {
                dotted.append('.');
            }
            dotted.append(element);
        }
        return dotted.toString();
    }

    /** Splits a dotted property name into elements; a bracketed part ({@code [0]}, {@code [a.b]}) is one element. */
    static List<String> elementsOf(String name) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[') {
                add(elements, current);
                int end = name.indexOf(']', i);
                end = end < 0 ? name.length() - 1 : end;
                elements.add(name.substring(i, end + 1).toLowerCase(Locale.ROOT));
                i = end;
            } else if (c == '.') {
                add(elements, current);
            } else {
                current.append(c);
            }
        }
        add(elements, current);
        return List.copyOf(elements);
    }

    static boolean isIndex(String element) {
        return element.startsWith("[");
    }

    private static void add(List<String> elements, StringBuilder current) {
        if (!current.isEmpty()) {
            elements.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }
}
