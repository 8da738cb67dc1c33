package io.hookline.dispatcher.egress;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A name service for tests, standing in for DNS both when a URL is saved ({@link #atSave()}) and when the
 * outbound client connects ({@link #atConnect()}): a scripted host answers with its save-time address, and at
 * each connection attempt with the next of its connect-time answers (the last one repeats), like a DNS rebinding
 * attacker's server. Other hosts go to the JDK resolver. Thread-safe.
 */
public final class ScriptedNames {

    private final Map<String, InetAddress> atSave = new ConcurrentHashMap<>();
    private final Map<String, Deque<InetAddress>> atConnect = new ConcurrentHashMap<>();
    private final List<String> connectLookups = new CopyOnWriteArrayList<>();

    /** {@code host} resolves to {@code saved} when saved, then to {@code connects} in turn when connecting. */
    public void script(String host, String saved, String... connects) {
        atSave.put(host, address(host, saved));
        Deque<InetAddress> answers = new ArrayDeque<>();
        for (String connect : connects) {
            answers.add(address(host, connect));
        }
        atConnect.put(host, answers);
    }

    /** The connect-time lookups of {@code host} so far, as the addresses answered. */
    public List<String> connectLookups(String host) {
        return connectLookups.stream().filter(entry -> entry.startsWith(host + "=")).toList();
    }

    public HostResolver atSave() {
        return host -> {
            InetAddress scripted = atSave.get(host);
            return scripted != null ? List.of(scripted) : HostResolver.SYSTEM.resolve(host);
        };
    }

    public AddressResolverGroup<InetSocketAddress> atConnect() {
        return new AddressResolverGroup<>() {
            @Override
            protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
                return new Resolver(executor).asAddressResolver();
            }
        };
    }

    private InetAddress next(String host) throws UnknownHostException {
        Deque<InetAddress> answers = atConnect.get(host);
        if (answers == null) {
            return InetAddress.getByName(host);
        }
        synchronized (answers) {
            InetAddress answer = answers.size() > 1 ? answers.poll() : answers.peek();
            connectLookups.add(host + "=" + answer.getHostAddress());
            return answer;
        }
    }

    private static InetAddress address(String host, String literal) {
        try {
            return InetAddress.getByAddress(host, IpLiterals.bytes(literal));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private final class Resolver extends InetNameResolver {

        Resolver(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            try {
                promise.setSuccess(next(host));
            } catch (UnknownHostException e) {
                promise.setFailure(e);
            }
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            try {
                promise.setSuccess(List.of(next(host)));
            } catch (UnknownHostException e) {
                promise.setFailure(e);
            }
        }
    }
}
