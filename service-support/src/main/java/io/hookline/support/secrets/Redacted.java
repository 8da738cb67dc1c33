package io.hookline.support.secrets;

import java.net.URI;
import java.net.URISyntaxException;

/** How values that may carry credentials appear in {@code toString} and logs. */
public final class Redacted {

    /** What stands in for a redacted value. */
    public static final String MASK = "***";

    private Redacted() {
    }

    /**
     * A URL as logs may show it: scheme, host, port and path; user info ({@code user:password@}) and the query
     * (which may carry a token) replaced by {@value #MASK}; a text that is not a URL with a host entirely (blank stays blank).
     */
    public static String url(String url) {
        if (url == null || url.isBlank()) {
            return url;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getRawAuthority() == null) {
                return MASK;
            }
            StringBuilder shown = new StringBuilder();
            if (uri.getScheme() != null) {
                shown.append(uri.getScheme()).append("://");
            }
            if (uri.getRawUserInfo() != null) {
                shown.append(MASK).append('@');
            }
            shown.append(uri.getHost() == null ? MASK : uri.getHost());
            if (uri.getPort() >= 0) {
                shown.append(':').append(uri.getPort());
            }
            shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                shown.append('?').append(MASK);
            }
            return shown.toString();
        } catch (URISyntaxException e) {
            return MASK;
        }
    }

    /** {@value #MASK} for a value that is set, {@code null} for one that is not (so logs still tell them apart). */
    public static String value(Object value) {
        return value == null ? null : MASK;
    }
}
