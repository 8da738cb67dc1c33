package io.hookline.dispatcher.egress;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IP literals without any lookup, keeping IPv6 forms as 16 bytes (the JDK folds IPv4-mapped ones). */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The literal's bytes (4 or 16; brackets allowed around IPv6), or {@code null} when it is not a literal. */
    public static byte[] bytes(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null || !bare.contains(":")) {
            return bytes;
        }
        // Netty folds IPv4-compatible and -mapped forms into IPv4; the JDK (for a literal: no lookup) folds only
        // the mapped form, which is rebuilt here
        byte[] parsed;
        try {
            parsed = InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        if (parsed.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed, 0, mapped, 12, 4);
            return mapped;
        }
        return parsed;
    }

    /** The literal as an address, IPv6 forms as {@link java.net.Inet6Address}; {@code null} when not a literal. */
    public static InetAddress address(String literal) {
        byte[] bytes = bytes(literal);
        if (bytes == null) {
            return null;
        }
        try {
            return bytes.length == 16 ? java.net.Inet6Address.getByAddress(null, bytes, -1)
                    : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal of " + bytes.length + " bytes", e);
        }
    }
}
