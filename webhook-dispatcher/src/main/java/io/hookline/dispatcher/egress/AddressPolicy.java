package io.hookline.dispatcher.egress;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the dispatcher may send a webhook to an address: the one rule behind both the save-time check of
 * endpoint and callback URLs and the connect-time check of every resolved address. An address in an allowed
 * network is accepted; otherwise, unless every target is allowed (the local stack's
 * {@code allow-private-urls}), the {@link AddressClassifier} decides. The operator's own configured targets
 * (host and port of each endpoint in {@code hookline.dispatcher.endpoints}) are trusted as configured, like the allow-list
 * itself: a connection to exactly such a host and port is not checked. Immutable and thread-safe.
 */
public final class AddressPolicy {

    private final boolean allowAll;
    private final List<Cidr> allowed;
    private final Set<String> trusted;

    /**
     * @param allowAll accept every address (loopback and private included)
     * @param allowed networks accepted even though the classifier refuses them (e.g. {@code 10.20.0.0/16} for
     *        an internal receiver)
     */
    public AddressPolicy(boolean allowAll, List<Cidr> allowed) {
        this(allowAll, allowed, Set.of());
    }

    /**
     * @param trusted {@code host:port} targets connected to unchecked (the configured endpoints'); a literal host
     *        may be written in any form ({@code [::1]:8080})
     */
    public AddressPolicy(boolean allowAll, List<Cidr> allowed, Set<String> trusted) {
        this.allowAll = allowAll;
        this.allowed = List.copyOf(allowed);
        this.trusted = trusted.stream().map(AddressPolicy::normalised).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a connection to {@code host} (a name or literal) on {@code port} is trusted without a check. */
    public boolean trusts(String host, int port) {
        return !trusted.isEmpty() && trusted.contains(normalised(host + ":" + port));
    }

    private static String normalised(String target) {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        InetAddress literal = IpLiterals.address(host);
        return (literal != null ? literal.getHostAddress() : host.toLowerCase(Locale.ROOT)) + target.substring(colon);
    }

    /** Why the address is refused (e.g. {@code private}), or empty when it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        if (allowAll || allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        return AddressClassifier.refusal(address);
    }

    /** Whether every address is allowed (then nothing needs resolving to decide). */
    public boolean allowsEverything() {
        return allowAll;
    }

    @Override
    public String toString() {
        return "AddressPolicy[allowAll=" + allowAll + ", allowed=" + allowed + ", trusted=" + trusted + "]";
    }
}
