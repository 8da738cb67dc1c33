package io.hookline.chaos.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The run's ports, all chosen free on 127.0.0.1 at the start and kept for the whole run, so that a restarted
 * broker, SMTP server or service comes back where the others expect it. None is a fixed local-stack port, so a
 * run never collides with a local stack or with another run.
 */
public record Ports(int kafka, int kafkaController, int ordersApi, int dispatcher, int receiver, int smtp,
        int proxy) {

    public static Ports free() {
        return new Ports(free1(), free1(), free1(), free1(), free1(), free1(), free1());
    }

    /** One free port on 127.0.0.1, e.g. for an instance started later. */
    public static int free1() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
