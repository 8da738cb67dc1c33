package io.hookline.receiver.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * Bounds one whole SMTP session, not just each socket operation: Jakarta Mail's {@code mail.smtp.timeout} applies
 * to every read, so a server answering each of a session's seven commands just before the timeout keeps a sender
 * busy seven times as long. The session's sockets come from {@link #socketFactory()} (set as
 * {@code mail.smtp.socketFactory}); {@link #run} closes those of the calling thread when the deadline passes, which
 * ends any blocked read or write with an exception. The lease a sender holds is longer than this deadline, so no
 * second sender can start the same e-mail while the first is still connected.
 *
 * <p>Thread-safe; one watchdog thread (daemon) for all sessions.
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

    /** The sockets one session opened, and whether the end of the message data went out on one of them. */
    private static final class SessionState {
        final List<Socket> sockets = new CopyOnWriteArrayList<>();
        volatile boolean messageHandedOver;
    }

    private final Duration deadline;
    private final ThreadLocal<SessionState> sessions = new ThreadLocal<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smtp-session-deadline").daemon().factory());
    private final SocketFactory factory = new TrackingSocketFactory();

    SessionDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    SocketFactory socketFactory() {
        return factory;
    }

    /**
     * Runs {@code work}; every socket it opens on this thread is closed once the deadline has passed.
     *
     * @throws Failure wrapping whatever {@code work} threw
     */
    void run(SmtpWork work) throws Failure {
        SessionState session = new SessionState();
        sessions.set(session);
        ScheduledFuture<?> kill = watchdog.schedule(() -> session.sockets.forEach(SessionDeadline::closeQuietly),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            work.run();
        } catch (Exception e) {
            throw new Failure(e, session.messageHandedOver);
        } finally {
            kill.cancel(false);
            sessions.remove();
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
        public Socket createSocket() {
            SessionState session = sessions.get();
            Socket socket = session == null ? new Socket() : new WatchedSocket(session);
            if (session != null) {
                session.sockets.add(socket);
            }
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

        private final SessionState session;
        private OutputStream output;

        WatchedSocket(SessionState session) {
            this.session = session;
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
                            session.messageHandedOver = true;
                            matched = 0;
                        }
                    }
                };
            }
            return output;
        }
    }
}
