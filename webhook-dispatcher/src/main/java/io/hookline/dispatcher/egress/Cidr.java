package io.hookline.dispatcher.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A network in CIDR notation, IPv4 ({@code 10.0.0.0/8}) or IPv6 ({@code fc00::/7}). An address is in it when it
 * has the same family and its first {@code prefix} bits match. Immutable.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix}; a bare address is a single-address network ({@code /32} or {@code /128}).
     *
     * @throws IllegalArgumentException if it is not an IP literal with a prefix in range
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String literal = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literalBytes(literal, text);
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR network: " + text);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix out of range in " + text);
        }
        return new Cidr(masked(bytes, prefix), prefix, trimmed);
    }

    /** Whether {@code address} is in this network. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the raw address (4 or 16 bytes) is in this network. */
    boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(masked(address, prefix), network);
    }

    private static byte[] literalBytes(String literal, String text) {
        byte[] parsed = IpLiterals.bytes(literal);
        if (parsed == null) {
            throw new IllegalArgumentException("not a CIDR network: " + text);
        }
        return parsed;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = new byte[address.length];
        for (int i = 0; i < address.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = bits == 0 ? 0 : (0xff << (8 - bits)) & 0xff;
            result[i] = (byte) (address[i] & mask);
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefix == that.prefix && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
