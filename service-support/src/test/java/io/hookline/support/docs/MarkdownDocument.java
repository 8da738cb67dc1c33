package io.hookline.support.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Markdown text that point somewhere: its links and images (outside code), the {@code docs/…}
 * paths it names in prose or code, and the anchors its headings get on GitHub. Pure text processing; no I/O.
 */
final class MarkdownDocument {

    private static final Pattern FENCE = Pattern.compile("(?ms)^ {0,3}```.*?^ {0,3}```[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w/.-])docs/[\\w.-]+\\.(?:md|png|yaml)");
    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final String text;
    private final String prose;

    MarkdownDocument(String text) {
        this.text = text;
        this.prose = INLINE_CODE.matcher(FENCE.matcher(text).replaceAll("")).replaceAll("");
    }

    /** Targets of links and images that stay in the repository (no scheme), e.g. {@code ../docs/a.md#b}. */
    List<String> relativeLinks() {
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            String target = link.group(1);
            if (!SCHEME.matcher(target).find()) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Every {@code docs/<file>} named anywhere in the text, code included, read from the repository root. */
    Set<String> docsPaths() {
        Set<String> paths = new LinkedHashSet<>();
        Matcher path = DOCS_PATH.matcher(text);
        while (path.find()) {
            paths.add(path.group());
        }
        return paths;
    }

    /** The anchors GitHub gives the headings ({@code ## Outbound requests (SSRF)} → {@code outbound-requests-ssrf}). */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String withoutFences = FENCE.matcher(text).replaceAll("");
        Matcher heading = HEADING.matcher(withoutFences);
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        Matcher html = HTML_ANCHOR.matcher(text);
        while (html.find()) {
            anchors.add(html.group(1));
        }
        return anchors;
    }

    static String slug(String heading) {
        String plain = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
