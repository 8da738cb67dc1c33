package io.hookline.orders.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of the Prometheus text format. */
final class Prometheus {

    private Prometheus() {
    }

    /** The value of the sample named exactly {@code series} (name with its labels, as printed), 0 when absent. */
    static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + "\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
