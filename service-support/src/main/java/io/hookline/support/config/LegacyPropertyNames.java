package io.hookline.support.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names the services' own properties had before they moved under one root: {@code orders.*},
 * {@code dispatcher.*} and {@code receiver.*} are now {@code hookline.orders.*}, {@code hookline.dispatcher.*} and
 * {@code hookline.receiver.*}; their environment variables {@code ORDERS_*}, {@code DISPATCHER_*} and
 * {@code RECEIVER_*} are now {@code HOOKLINE_ORDERS_*}, ... Old names are accepted for one release (with a warning
 * at start-up, {@link LegacyPropertyNamesPostProcessor}). A pure function of the name.
 *
 * <p>Not every variable that starts like an old root is ours: Kubernetes gives each pod {@code <SERVICE>_PORT},
 * {@code <SERVICE>_PORT_8081_TCP...} and {@code <SERVICE>_SERVICE_HOST} for the services beside it, and the local
 * stack's launcher reads {@code ORDERS_API_PORT}, {@code DISPATCHER_PORT} and {@code RECEIVER_PORT}. No property of
 * ours is called {@code port} or {@code service}, so those are left alone.
 */
// config-rename: keep (this file names the old roots on purpose)
public final class LegacyPropertyNames {

    /** The old roots, each now under {@code hookline.}. */
    public static final List<String> OLD_ROOTS = List.of("orders", "dispatcher", "receiver");

    private static final String NEW_ROOT = "hookline";

    private static final Pattern NOT_OURS = Pattern.compile(
            "^[A-Z0-9_]+?(_PORT(_.*)?|_SERVICE_HOST|_SERVICE_PORT(_.*)?)$");

    private LegacyPropertyNames() {
    }

    /** The new name of an old property name ({@code orders.outbox.batch-size}), if it is one. */
    public static Optional<String> newPropertyName(String name) {
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String root = name.substring(0, dot);
        return OLD_ROOTS.contains(root) ? Optional.of(NEW_ROOT + "." + name) : Optional.empty();
    }

    /** The new name of an old environment variable ({@code ORDERS_OUTBOX_BATCH_SIZE}), if it is one. */
    public static Optional<String> newVariableName(String name) {
        int underscore = name.indexOf('_');
        if (underscore <= 0 || underscore == name.length() - 1 || NOT_OURS.matcher(name).matches()) {
            return Optional.empty();
        }
        String root = name.substring(0, underscore);
        return OLD_ROOTS.contains(root.toLowerCase(Locale.ROOT)) && root.equals(root.toUpperCase(Locale.ROOT))
                ? Optional.of(NEW_ROOT.toUpperCase(Locale.ROOT) + "_" + name)
                : Optional.empty();
    }
}
