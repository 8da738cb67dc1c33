package io.hookline.dispatcher.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name when a URL is saved (endpoint created or changed, callback URL fanned out, dead letter
 * replayed); the connect-time resolution is the outbound client's own ({@link GuardedAddressResolverGroup}).
 * The dispatcher uses {@link #SYSTEM} unless the application context holds another one (tests script answers
 * with it).
 */
@FunctionalInterface
public interface HostResolver {

    /** The JDK's resolver ({@link InetAddress#getAllByName}); literal addresses are parsed, not looked up. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address of {@code host}, never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
