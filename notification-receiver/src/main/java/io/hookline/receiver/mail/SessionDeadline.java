package io.hookline.receiver.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * Bounds one whole exchange with the SMTP server, not just each socket operation: Jakarta Mail's
 * {@code mail.smtp.timeout} applies to every read, so a server answering each of a session's seven commands just
 * before the timeout keeps a sender busy seven times as long. An exchange is one message's commands (MAIL, RCPT,
 * DATA, the data and its reply), plus connecting first when its {@link Connection} has no open socket. The sockets
 * come from {@link #socketFactory()} (set as {@code mail.smtp.socketFactory}) and belong to the {@link Connection}
 * the exchange {@link #run runs} on, so a connection kept open for many messages is watched during each of them;
 * {@link #run} closes them when the deadline passes, which ends any blocked read or write with an exception, and
 * no socket can be opened on that connection afterwards within the same exchange. The lease a sender holds is
 * longer than this deadline, so no second sender can start the same e-mail while the first is still talking to the
 * server about it.
 *
 * <p>Thread-safe; one watchdog thread (daemon) for all exchanges. A {@link Connection} is used by one thread at a
 * time.
 */
final class SessionDeadline implements AutoCloseable {

    /** A piece of SMTP work on the calling thread. */
    interface SmtpWork {
        void run() throws Exception;
    }

    /**
     * The session failed; {@link #messageHandedOver()} tells whether the end of the message data (the lone dot,
     * {@code CRLF.CRLF}) had been written when it did, i.e. whether the server may have the message.
     */
    static final class Failure extends Exception {

        private final boolean messageHandedOver;

        Failure(Exception cause, boolean messageHandedOver) {
            super(cause);
            this.messageHandedOver = messageHandedOver;
        }

        boolean messageHandedOver() {
            return messageHandedOver;
        }
    }

    /**
     * The sockets of one SMTP connection (which may live through many exchanges), and whether the end of the
     * message data went out on one of them during the current exchange.
     */
    static final class Connection {
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean messageHandedOver;
        private volatile boolean expired;

        /** Forgets the sockets (the connection was closed); the next exchange opens new ones. */
        void forget() {
            sockets.clear();
        }

        /** Closes every socket of the connection (after a failure, or at the end) and forgets them. */
        void closeAll() {
            sockets.forEach(SessionDeadline::closeQuietly);
            sockets.clear();
        }

        /** {@code true} if the current exchange's deadline passed (its sockets were closed). */
        boolean expired() {
            return expired;
        }

        /** {@code true} if the end of the message data was written during the current exchange. */
        boolean messageHandedOver() {
            return messageHandedOver;
        }
    }

    private final Duration deadline;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("smtp-session-deadline").daemon().factory());
    private final SocketFactory factory = new TrackingSocketFactory();

    SessionDeadline(Duration deadline) {
        this.deadline = deadline;
        watchdog.setRemoveOnCancelPolicy(true); // one cancelled kill per message would pile up otherwise
    }

    SocketFactory socketFactory() {
        return factory;
    }

    /**
     * Runs {@code work} on a connection of its own, which ends with it (one session per piece of work).
     *
     * @throws Failure wrapping whatever {@code work} threw
     */
    void run(SmtpWork work) throws Failure {
        Connection connection = new Connection();
        try {
            run(connection, work);
        } finally {
            connection.forget();
        }
    }

    /**
     * Runs {@code work} (one exchange) on {@code connection}: the sockets it already has and every socket
     * {@code work} opens on this thread are closed once the deadline has passed.
     *
     * @throws Failure wrapping whatever {@code work} threw
     */
    void run(Connection connection, SmtpWork work) throws Failure {
        connection.messageHandedOver = false;
        connection.expired = false;
        current.set(connection);
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            connection.expired = true;
            connection.sockets.forEach(SessionDeadline::closeQuietly);
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            work.run();
        } catch (Exception e) {
            throw new Failure(e, connection.messageHandedOver);
        } finally {
            kill.cancel(false);
            current.remove();
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the session fails with its own exception
        }
    }

    private final class TrackingSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            Connection connection = current.get();
            if (connection == null) {
                return new Socket();
            }
            if (connection.expired) {
                throw new SocketException("the SMTP exchange's deadline has passed");
            }
            Socket socket = new WatchedSocket(connection);
            connection.sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        private Socket connected(java.net.InetSocketAddress address) throws IOException {
            Socket socket = createSocket();
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, deadline.toMillis()));
            return socket;
        }
    }

    /** A socket whose output notices the end of the message data ({@code CRLF.CRLF}, unique thanks to dot-stuffing). */
    private static final class WatchedSocket extends Socket {

        private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

        private final Connection connection;
        private OutputStream output;

        WatchedSocket(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    private int matched;

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        watch((byte) b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                        for (int i = offset; i < offset + length; i++) {
                            watch(bytes[i]);
                        }
                    }

                    private void watch(byte b) {
                        matched = b == END_OF_DATA[matched] ? matched + 1 : (b == END_OF_DATA[0] ? 1 : 0);
                        if (matched == END_OF_DATA.length) {
                            connection.messageHandedOver = true;
                            matched = 0;
                        }
                    }
                };
            }
            return output;
        }
    }
}
