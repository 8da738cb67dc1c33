package io.hookline.dispatcher.egress;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Whether the dispatcher may send a webhook to an address: the one rule behind both the save-time check of
 * endpoint and callback URLs and the connect-time check of every resolved address. An address in an allowed
 * network is accepted; otherwise, unless every target is allowed (the local stack's
 * {@code allow-private-urls}), the {@link AddressClassifier} decides. Immutable and thread-safe.
 */
public final class AddressPolicy {

    private final boolean allowAll;
    private final List<Cidr> allowed;

    /**
     * @param allowAll accept every address (loopback and private included)
     * @param allowed networks accepted even though the classifier refuses them (e.g. {@code 10.20.0.0/16} for
     *        an internal receiver)
     */
    public AddressPolicy(boolean allowAll, List<Cidr> allowed) {
        this.allowAll = allowAll;
        this.allowed = List.copyOf(allowed);
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
        return "AddressPolicy[allowAll=" + allowAll + ", allowed=" + allowed + "]";
    }
}
