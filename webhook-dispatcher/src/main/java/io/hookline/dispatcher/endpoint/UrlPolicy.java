package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.egress.AddressPolicy;
import io.hookline.dispatcher.egress.HostResolver;
import io.hookline.dispatcher.egress.IpLiterals;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides whether a URL may be an endpoint or a callback target: absolute {@code http} or {@code https} with a
 * host and no user info, and a host whose every address the {@link AddressPolicy} allows (see
 * {@link io.hookline.dispatcher.egress.AddressClassifier}: not loopback, private, link-local, cloud metadata,
 * carrier-grade NAT, unique-local, IPv4-mapped or IPv4-compatible IPv6, private NAT64/6to4, Teredo,
 * documentation, reserved, multicast …). Literal addresses are parsed, names resolved with the
 * {@link HostResolver} when the URL is saved; the outbound client checks again on every connection attempt, as
 * a name may resolve differently later. Thread-safe.
 */
@Component
public class UrlPolicy {

    private final AddressPolicy addresses;
    private final HostResolver resolver;

    public UrlPolicy(AddressPolicy addresses, ObjectProvider<HostResolver> resolver) {
        this.addresses = addresses;
        this.resolver = resolver.getIfAvailable(() -> HostResolver.SYSTEM);
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
        if (addresses.allowsEverything()) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : addressesOf(uri.getHost())) {
                Optional<String> refusal = addresses.refusal(address);
                if (refusal.isPresent()) {
                    return Optional.of("must not point to a loopback, private or link-local address ("
                            + address.getHostAddress() + " is " + refusal.get() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
    }

    private List<InetAddress> addressesOf(String host) throws UnknownHostException {
        InetAddress literal = IpLiterals.address(host);
        if (literal != null) {
            return List.of(literal);
        }
        List<InetAddress> found = resolver.resolve(host);
        if (found.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return found;
    }
}
