package io.hookline.dispatcher.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may not be sent to, and why: a pure function of the address bytes (the JDK's
 * {@code isSiteLocalAddress()} and friends miss most of these). Refused: IPv4 {@code 0/8}, loopback, RFC 1918,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, IETF protocol assignments
 * ({@code 192.0.0/24}), documentation and benchmarking ranges, the deprecated 6to4 relay anycast, multicast,
 * reserved {@code 240/4} and broadcast; IPv6 unspecified, loopback, IPv4-mapped, IPv4-compatible, every other
 * address in {@code ::/8}, NAT64 local-use {@code 64:ff9b:1::/48}, Teredo {@code 2001::/32}, benchmarking,
 * documentation, discard-only, unique-local, link-local, site-local, multicast, and everything outside global
 * unicast {@code 2000::/3}. Addresses that embed an IPv4 address a router turns back into IPv4 are judged by
 * the embedded one: NAT64 {@code 64:ff9b::/96} (last 32 bits) and 6to4 {@code 2002::/16} (bits 16 to 47), so
 * {@code 64:ff9b::a00:1} is refused like {@code 10.0.0.1} and {@code 64:ff9b::5db8:d70e} is as public as
 * {@code 93.184.215.14}. Stateless and thread-safe.
 */
public final class AddressClassifier {

    private record Range(Cidr network, String kind) {
    }

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0/8", "in 'this network' (0.0.0.0/8)"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "carrier-grade NAT"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "an IETF protocol assignment (192.0.0.0/24)"),
            range("192.0.2.0/24", "documentation"),
            range("192.88.99.0/24", "reserved (6to4 relay anycast)"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("255.255.255.255/32", "broadcast"),
            range("240.0.0.0/4", "reserved"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("::ffff:0:0/96", "IPv4-mapped"),
            range("::/96", "IPv4-compatible"),
            range("64:ff9b:1::/48", "NAT64 local-use"),
            range("::/8", "reserved (::/8)"),
            range("100::/64", "discard-only"),
            range("2001::/32", "Teredo"),
            range("2001:2::/48", "benchmarking"),
            range("2001:db8::/32", "documentation"),
            range("3fff::/20", "documentation"),
            range("fc00::/7", "unique-local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private AddressClassifier() {
    }

    /** Why the address may not be a webhook target (e.g. {@code private}), or empty when it is public. */
    public static Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    /** The same for raw bytes: 4 (IPv4) or 16 (IPv6, never folded into IPv4). */
    static Optional<String> refusal(byte[] address) {
        if (address.length == 4) {
            return first(IPV4, address);
        }
        if (NAT64.contains(address)) {
            return embedded("NAT64", Arrays.copyOfRange(address, 12, 16));
        }
        Optional<String> listed = first(IPV6, address);
        if (listed.isPresent()) {
            return listed;
        }
        if (SIX_TO_FOUR.contains(address)) {
            return embedded("6to4", Arrays.copyOfRange(address, 2, 6));
        }
        return GLOBAL_UNICAST.contains(address) ? Optional.empty() : Optional.of("reserved (outside 2000::/3)");
    }

    private static Optional<String> embedded(String form, byte[] ipv4) {
        return first(IPV4, ipv4).map(kind -> form + " of " + (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "."
                + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff) + " (" + kind + ")");
    }

    private static Optional<String> first(List<Range> ranges, byte[] address) {
        for (Range range : ranges) {
            if (range.network().contains(address)) {
                return Optional.of(range.kind());
            }
        }
        return Optional.empty();
    }

    private static Range range(String cidr, String kind) {
        return new Range(Cidr.parse(cidr), kind);
    }
}
