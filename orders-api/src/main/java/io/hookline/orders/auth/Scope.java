package io.hookline.orders.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. {@link #ADMIN} implies the others and reaches every client's orders. */
public enum Scope {

    /** Read own orders ({@code GET}). */
    READ("read"),
    /** Create and pay own orders ({@code POST}). */
    WRITE("write"),
    /** Everything, on every client's orders, and the {@code /clients} admin API. */
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The scope named {@code value}. @throws IllegalArgumentException when there is none */
    public static Scope fromValue(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope: " + value);
    }

    /** Parses the stored form: values separated by spaces. */
    public static Set<Scope> parseAll(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(stored.trim().split("\\s+")).filter(s -> !s.isEmpty()).map(Scope::fromValue)
                .forEach(scopes::add);
        return scopes;
    }

    /** The stored form, in declaration order: {@code "read write"}. */
    public static String format(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::value).collect(Collectors.joining(" "));
    }
}
