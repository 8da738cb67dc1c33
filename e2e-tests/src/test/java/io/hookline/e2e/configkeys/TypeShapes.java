package io.hookline.e2e.configkeys;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the type of a property (as written in configuration metadata: {@code java.util.List<java.lang.String>},
 * {@code java.util.Map<java.lang.String,java.lang.String>}, {@code java.time.Duration}) into the
 * {@link PropertyShape} of what may follow its name. Types of our own ({@code io.hookline.*}) inside lists and
 * maps are looked into (record components or setters), since the metadata does not describe them; other
 * library types inside lists and maps accept anything.
 */
final class TypeShapes {

    private static final String OUR_PACKAGE = "io.hookline.";

    private final ClassLoader loader;

    TypeShapes(ClassLoader loader) {
        this.loader = loader;
    }

    /** The shape of a property the metadata lists (its nested objects are listed as properties of their own). */
    PropertyShape ofProperty(String type) {
        if (type == null || type.isBlank()) {
            return new PropertyShape.Value();
        }
        return container(type).orElse(new PropertyShape.Value());
    }

    private PropertyShape ofElement(String type) {
        Optional<PropertyShape> container = container(type);
        if (container.isPresent()) {
            return container.get();
        }
        if (type.startsWith(OUR_PACKAGE)) {
            return load(type).filter(type1 -> !type1.isEnum()).<PropertyShape>map(this::fields)
                    .orElse(new PropertyShape.Value());
        }
        boolean value = !type.contains(".") || type.startsWith("java.")
                || load(type).map(Class::isEnum).orElse(false);
        return value ? new PropertyShape.Value() : new PropertyShape.Anything();
    }

    private Optional<PropertyShape> container(String type) {
        if (type.endsWith("[]")) {
            return Optional.of(new PropertyShape.Indexed(ofElement(type.substring(0, type.length() - 2))));
        }
        int open = type.indexOf('<');
        String raw = open < 0 ? type : type.substring(0, open);
        List<String> arguments = open < 0 ? List.of() : arguments(type.substring(open + 1, type.lastIndexOf('>')));
        Optional<Class<?>> rawType = load(raw);
        if (rawType.map(Map.class::isAssignableFrom).orElse(false)) {
            return Optional.of(new PropertyShape.Keyed(arguments.size() == 2 ? ofElement(arguments.get(1))
                    : new PropertyShape.Anything()));
        }
        if (rawType.map(Collection.class::isAssignableFrom).orElse(false)) {
            return Optional.of(new PropertyShape.Indexed(arguments.size() == 1 ? ofElement(arguments.getFirst())
                    : new PropertyShape.Anything()));
        }
        return Optional.empty();
    }

    private PropertyShape fields(Class<?> type) {
        Map<String, PropertyShape> fields = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(kebab(component.getName()), ofElement(component.getGenericType().getTypeName()));
            }
        } else {
            for (Method method : type.getMethods()) {
                if (method.getName().startsWith("set") && method.getName().length() > 3
                        && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())) {
                    fields.put(kebab(method.getName().substring(3)),
                            ofElement(method.getGenericParameterTypes()[0].getTypeName()));
                }
            }
        }
        return new PropertyShape.Fields(fields);
    }

    private Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The top-level type arguments of {@code A,B<C,D>}. */
    private static List<String> arguments(String list) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                arguments.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        arguments.add(list.substring(start).trim());
        return arguments;
    }

    static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    kebab.append('-');
                }
                kebab.append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
