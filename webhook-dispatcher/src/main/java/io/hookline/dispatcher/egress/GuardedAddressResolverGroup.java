package io.hookline.dispatcher.egress;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.List;
import java.util.Optional;

/**
 * The outbound client's name resolution with the {@link AddressPolicy} applied to its answer: wraps another
 * group (Reactor Netty's default DNS resolver in production) and fails a resolution with a
 * {@link RefusedAddressException} when any address of the answer is refused, so the client never opens a
 * connection to it. It claims that no address is resolved already, so literal-IP URLs (which Reactor Netty
 * would otherwise connect to without asking a resolver) pass through the same check. Runs on every connection
 * attempt that needs a new connection, so a host that re-resolves to a private address (DNS rebinding) is
 * caught at the attempt it happens; a pooled keep-alive connection stays connected to the address that was
 * checked when it opened. A target the policy {@linkplain AddressPolicy#trusts trusts} (a configured endpoint's
 * host and port) is resolved unchecked. Thread-safe.
 */
public final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressResolverGroup<? extends SocketAddress> delegate;
    private final AddressPolicy policy;

    public GuardedAddressResolverGroup(AddressResolverGroup<? extends SocketAddress> delegate, AddressPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        @SuppressWarnings("unchecked")
        AddressResolver<SocketAddress> resolver = (AddressResolver<SocketAddress>) delegate.getResolver(executor);
        return new Guarded(executor, resolver, policy);
    }

    /** Checks an answer: the first refused address as an exception, or empty when all are allowed. */
    static Optional<RefusedAddressException> check(AddressPolicy policy, String host,
            List<InetSocketAddress> addresses) {
        for (InetSocketAddress address : addresses) {
            if (address.getAddress() == null) {
                return Optional.of(new RefusedAddressException(host, address.getHostString(), "unresolved"));
            }
            Optional<String> refusal = policy.refusal(address.getAddress());
            if (refusal.isPresent()) {
                return Optional.of(new RefusedAddressException(host, address.getAddress().getHostAddress(),
                        refusal.get()));
            }
        }
        return Optional.empty();
    }

    private record Guarded(EventExecutor executor, AddressResolver<SocketAddress> delegate, AddressPolicy policy)
            implements AddressResolver<InetSocketAddress> {

        @Override
        public boolean isSupported(SocketAddress address) {
            return address instanceof InetSocketAddress;
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            return false; // so that literal addresses are checked too
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            resolveAll(address).addListener(all -> {
                if (all.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    List<InetSocketAddress> addresses = (List<InetSocketAddress>) all.getNow();
                    promise.trySuccess(addresses.getFirst());
                } else {
                    promise.tryFailure(all.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address,
                Promise<List<InetSocketAddress>> promise) {
            if (!(address instanceof InetSocketAddress target)) {
                return promise.setFailure(new UnsupportedAddressTypeException());
            }
            String host = target.getHostString();
            if (policy.trusts(host, target.getPort())) {
                return target.isUnresolved() ? relay(delegate.resolveAll(target), promise)
                        : promise.setSuccess(List.of(target));
            }
            if (!target.isUnresolved()) {
                complete(promise, host, List.of(target));
                return promise;
            }
            delegate.resolveAll(target).addListener(answer -> {
                if (answer.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    List<InetSocketAddress> addresses = (List<InetSocketAddress>) answer.getNow();
                    complete(promise, host, addresses);
                } else {
                    promise.tryFailure(answer.cause());
                }
            });
            return promise;
        }

        @SuppressWarnings("unchecked")
        private static Future<List<InetSocketAddress>> relay(Future<? extends List<?>> answer,
                Promise<List<InetSocketAddress>> promise) {
            answer.addListener(done -> {
                if (done.isSuccess()) {
                    promise.trySuccess((List<InetSocketAddress>) done.getNow());
                } else {
                    promise.tryFailure(done.cause());
                }
            });
            return promise;
        }

        private void complete(Promise<List<InetSocketAddress>> promise, String host,
                List<InetSocketAddress> addresses) {
            Optional<RefusedAddressException> refused = check(policy, host, addresses);
            if (refused.isPresent()) {
                promise.tryFailure(refused.get());
            } else {
                promise.trySuccess(addresses);
            }
        }

        @Override
        public void close() {
            // the delegate's resolvers belong to the delegate group, which closes them
        }
    }
}
