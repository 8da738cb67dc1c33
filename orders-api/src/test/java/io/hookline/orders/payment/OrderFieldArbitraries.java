package io.hookline.orders.payment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of e-mail addresses and callback URLs at the edges of their formats, valid and invalid in about
 * equal measure: the inputs of {@link OrderContractPropertyTests}.
 */
final class OrderFieldArbitraries {

    private static final String ATEXT = "abcxyzABCXYZ0189!#$%&'*+/=?^_`{|}~-";

    private OrderFieldArbitraries() {
    }

    /** {@code local@domain} with dot-atoms, quoted strings and non-ASCII local parts, domains and IP literals. */
    static Arbitrary<String> emails() {
        Arbitrary<String> plain = Combinators.combine(localPart(), domain()).as((local, domain) -> local + "@" + domain);
        Arbitrary<String> odd = Arbitraries.of("ada@example.com", "a@b.c", "@example.com", "ada@", "ada",
                "ada@@example.com", "a b@example.com", "ada@example.com.", ".ada@example.com", "ada.@example.com",
                "a..b@example.com", "ada@localhost", "ada@[127.0.0.1]", "ada@[300.0.0.1]", "ada@[IPv6:::1]",
                "ada@[IPv6:2001:db8::1]", "ada@[::1]", "\"ada lovelace\"@example.com", "\"a\\\"b\"@example.com",
                "\"\"@example.com", "ada@bücher.de", "ada@xn--bcher-kva.de", "ädä@example.com", "用户@例子.广告",
                "ada@example.invalidtld", "ada@example.c0m", "ada@exa_mple.com", "ada@-example.com",
                "ada@example-.com", "ada@123.com", "ada@example.123", "ADA@EXAMPLE.COM", "ada+tag@example.co.uk",
                "ada@example.com\n", " ada@example.com", "ada@ex ample.com");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, plain),
                net.jqwik.api.Tuple.of(2, odd),
                net.jqwik.api.Tuple.of(1, longAddress()));
    }

    /** Absolute and relative URLs: odd schemes, userinfo, ports, IPv6, percent-encoding, spaces, 2048 chars. */
    static Arbitrary<String> callbackUrls() {
        Arbitrary<String> built = Combinators.combine(scheme(), userInfo(), host(), port(), path())
                .as((scheme, user, host, port, path) -> scheme + user + host + port + path);
        Arbitrary<String> odd = Arbitraries.of("http://", "https://", "http:///path", "http://?q", "http:example.com",
                "//example.com/x", "/relative", "example.com", "http://example.com", "http://localhost:8082/hooks",
                "http://[::1]/", "http://[::1", "http://::1/", "http://[v1.x]/", "http://example.com:/x",
                "http://exa mple.com/", "http://example.com/a b", "http://example.com/ü", "http://bücher.de/",
                "http://example.com/?q=[1]", "http://example.com/#a#b", "http://u@@example.com/",
                "http://example.com\t/", "https://example.com:65535", "https://example.com:65536");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, built),
                net.jqwik.api.Tuple.of(2, odd),
                net.jqwik.api.Tuple.of(1, longUrl()));
    }

    private static Arbitrary<String> localPart() {
        Arbitrary<String> atom = Arbitraries.strings().withChars(ATEXT).ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> dotAtom = atom.list().ofMinSize(1).ofMaxSize(4).map(atoms -> String.join(".", atoms));
        Arbitrary<String> sized = Arbitraries.integers().between(60, 70).map("l"::repeat);
        Arbitrary<String> quoted = Arbitraries.strings().withChars("ab @.,\\\"():;<>[]").ofMaxLength(10)
                .map(inner -> "\"" + inner + "\"");
        Arbitrary<String> broken = Arbitraries.of(".a", "a.", "a..b", "a b", "a\"b", "a@b", "a,b", "a(b)", "",
                "ü", "ñandú", "a\u0000b");
        return Arbitraries.oneOf(dotAtom, dotAtom, sized, quoted, broken);
    }

    private static Arbitrary<String> domain() {
        Arbitrary<String> name = label().list().ofMinSize(1).ofMaxSize(3)
                .map(labels -> String.join(".", labels));
        Arbitrary<String> tld = Arbitraries.of("com", "de", "io", "museum", "xn--p1ai", "invalidtld", "c", "123",
                "co.uk", "中国", "local", "localhost");
        Arbitrary<String> literal = Arbitraries.of("[127.0.0.1]", "[255.255.255.255]", "[256.0.0.1]",
                "[IPv6:::1]", "[IPv6:2001:db8::1]", "[IPv6:zz::1]", "[::1]", "[]");
        return Arbitraries.oneOf(Combinators.combine(name, tld).as((n, t) -> n + "." + t), name, literal,
                Arbitraries.of("bücher.de", "例子.广告", "xn--bcher-kva.de", "localhost"));
    }

    /** A DNS label around its 63-octet limit, with hyphens, digits and underscores at the edges. */
    private static Arbitrary<String> label() {
        Arbitrary<String> usual = Arbitraries.strings().withChars("abcz019-").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> sized = Arbitraries.integers().between(61, 65).map(n -> "a" + "b".repeat(n - 2) + "c");
        Arbitrary<String> odd = Arbitraries.of("-a", "a-", "a_b", "_a", "1", "0x", "ü", "a b");
        return Arbitraries.oneOf(usual, usual, sized, odd);
    }

    private static Arbitrary<String> longAddress() {
        return Arbitraries.integers().between(240, 260).map(total -> {
            String domain = "example.com";
            int localLength = Math.min(64, total - domain.length() - 1);
            int labels = total - localLength - 1 - domain.length();
            StringBuilder host = new StringBuilder();
            while (labels > 0) {
                int size = Math.min(labels, 50);
                host.append("d".repeat(Math.max(1, size - 1))).append('.');
                labels -= size;
            }
            return "l".repeat(localLength) + "@" + host + domain;
        });
    }

    private static Arbitrary<String> scheme() {
        return Arbitraries.of("http://", "https://", "http://", "https://", "http://", "https://", "HTTP://", "ftp://", "javascript:",
                "mailto:", "h ttp://", "http:/", "https:", "httpx://", "");
    }

    private static Arbitrary<String> userInfo() {
        return Arbitraries.of("", "", "", "user@", "user:pass@", "us%20er@", "u%zz@", "user name@", "@", "ü@",
                "a:b:c@");
    }

    private static Arbitrary<String> host() {
        Arbitrary<String> name = label().list().ofMinSize(1).ofMaxSize(3).map(labels -> String.join(".", labels));
        Arbitrary<String> fixed = Arbitraries.of("localhost", "example.com", "127.0.0.1", "255.255.255.255",
                "256.1.1.1", "1.2.3", "[::1]", "[2001:db8::1]", "[::ffff:127.0.0.1]", "[::1%25eth0]", "[zz::1]",
                "[::1", "bücher.de", "xn--bcher-kva.de", "my_host", "1abc", "", "example.com.", "a..b");
        return Arbitraries.oneOf(name, fixed, fixed);
    }

    private static Arbitrary<String> port() {
        return Arbitraries.of("", "", "", ":", ":0", ":80", ":8082", ":65535", ":65536", ":99999",
                ":99999999999", ":-1", ":8o", ":080");
    }

    private static Arbitrary<String> path() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("az09-._~!$&'()*+,;=:@").ofMaxLength(8);
        Arbitrary<String> clean = segment.list().ofMaxSize(3).map(parts -> parts.isEmpty() ? "" : "/"
                + String.join("/", parts));
        Arbitrary<String> odd = Arbitraries.of("/", "/a%20b", "/%41", "/%zz", "/%", "/a b", "/ü", "?q=1",
                "?q=[1]", "?a=1&b=2", "#frag", "#a#b", "/p?q#f", "\\x", "/a|b", "/a^b", "/a\"b", "/<x>", "/a`b");
        return Arbitraries.oneOf(clean, clean, odd);
    }

    /** URLs of 2030 to 2070 characters, so the 2048 limit is crossed from both sides. */
    private static Arbitrary<String> longUrl() {
        return Arbitraries.integers().between(2030, 2070).map(total -> {
            String prefix = "https://example.com/";
            return prefix + "p".repeat(total - prefix.length());
        });
    }
}
