package io.hookline.dispatcher.endpoint;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether a URL may be an endpoint (DESIGN.md, security rules): absolute {@code http} or
 * {@code https} with a host, no user info, and, unless {@link DirectoryProperties#allowPrivateUrls()}, a
 * host whose every address is public: not loopback, private (RFC 1918, IPv6 unique-local), link-local
 * (including cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified or multicast. The host is
 * resolved when the endpoint is created or changed. Thread-safe.
 */
@Component
public class UrlPolicy {

    private final boolean allowPrivate;

    public UrlPolicy(DirectoryProperties properties) {
        this.allowPrivate = properties.allowPrivateUrls();
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    public Optional<String> refusal(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("must not point to a loopback, private or link-local address ("
                            + address.getHostAddress() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            boolean thisNetwork = first == 0;
            boolean reserved = first >= 240;
            return !(carrierNat || thisNetwork || reserved);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return true;
    }
}
