package io.hookline.e2e.configkeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Matching the elements of a key against a property name, by Spring Boot's relaxed binding rules. */
final class PropertyNames {

    private PropertyNames() {
    }

    /**
     * Where the key's elements could end after matching the whole of {@code propertyName} (a dotted name with
     * kebab-case elements, {@code spring.kafka.bootstrap-servers}); empty when it does not match. Names compare
     * ignoring case, dashes and underscores ({@code maximumPoolSize} = {@code maximum-pool-size}); from an
     * environment variable a dashed element may also span several elements ({@code bootstrap_servers}).
     */
    static List<Integer> matchPrefix(String propertyName, List<String> key, boolean fromEnvironment) {
        List<Integer> ends = new ArrayList<>();
        match(ConfigurationKey.elementsOf(propertyName), 0, key, 0, fromEnvironment, ends);
        return ends;
    }

    private static void match(List<String> property, int p, List<String> key, int k, boolean fromEnvironment,
            List<Integer> ends) {
        if (p == property.size()) {
            ends.add(k);
            return;
        }
        if (k == key.size()) {
            return;
        }
        String element = property.get(p);
        if (uniform(element).equals(uniform(key.get(k)))) {
            match(property, p + 1, key, k + 1, fromEnvironment, ends);
        }
        String[] dashed = element.split("-");
        if (fromEnvironment && dashed.length > 1 && k + dashed.length <= key.size()) {
            for (int i = 0; i < dashed.length; i++) {
                if (!dashed[i].equals(key.get(k + i))) {
                    return;
                }
            }
            match(property, p + 1, key, k + dashed.length, fromEnvironment, ends);
        }
    }

    static String uniform(String element) {
        return element.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Edit distance between two names, to suggest the nearest known property. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
