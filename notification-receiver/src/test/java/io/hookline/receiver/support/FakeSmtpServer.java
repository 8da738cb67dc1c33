package io.hookline.receiver.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on a real port (127.0.0.1) whose answers a test chooses: a reply per recipient (e.g.
 * {@code 451} greylisting, {@code 550} unknown mailbox), a delay before the reply to the end of the message data
 * (after which it accepts the message even if the client has gone, like a real slow server), and a delay before
 * every reply, or refusing every session while {@link #down(boolean) down}. It records every message it accepted, with its {@code Message-ID}. Thread-safe; one virtual thread
 * per connection.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** One accepted message. */
    public record Received(String recipient, String messageId, String data) {
    }

    private final ServerSocket server;
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger slowDataReplies = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Duration dataReplyDelay = Duration.ZERO;
    private volatile Duration everyReplyDelay = Duration.ZERO;
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean down;
    private volatile int messagesPerConnection = Integer.MAX_VALUE;

    public FakeSmtpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("fake-smtp-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers {@code RCPT TO:<address>} with {@code reply} (e.g. {@code "451 4.7.1 try later"}). */
    public FakeSmtpServer replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The next {@code count} messages get their {@code 250} only after {@code delay} (and are kept). */
    public FakeSmtpServer delayDataReplies(int count, Duration delay) {
        dataReplyDelay = delay;
        slowDataReplies.set(count);
        return this;
    }

    /** While down, every session is refused at the greeting ({@code 421}, then closed), as by a server in trouble. */
    public FakeSmtpServer down(boolean on) {
        down = on;
        return this;
    }

    /**
     * Closes each connection (no {@code 421}, as a restarting server does) right after the reply to its
     * {@code messages}-th message, so a client that keeps the connection finds it closed on its next command.
     */
    public FakeSmtpServer closeConnectionsAfter(int messages) {
        messagesPerConnection = messages;
        return this;
    }

    /** Waits {@code delay} before every reply, from the greeting on. */
    public FakeSmtpServer delayEveryReply(Duration delay) {
        everyReplyDelay = delay;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> withMessageId(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.messageId())).toList();
    }

    public List<Received> to(String recipient) {
        return received.stream().filter(r -> recipient.equalsIgnoreCase(r.recipient())).toList();
    }

    /** How many SMTP connections were opened. */
    public int sessions() {
        return sessions.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            if (down) {
                reply(out, "421 4.3.2 service not available");
                return;
            }
            reply(out, "220 fake-smtp ready");
            String recipient = null;
            int messages = 0;
            for (String line; (line = in.readLine()) != null; ) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 fake-smtp");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        reply(out, recipientReplies.getOrDefault(recipient.toLowerCase(Locale.ROOT), "250 OK"));
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        data(in, out, recipient);
                        if (++messages >= messagesPerConnection) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException clientGone) {
            // the client closed the session (or timed out)
        }
    }

    private void data(BufferedReader in, OutputStream out, String recipient) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line; (line = in.readLine()) != null && !line.equals("."); ) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        if (slowDataReplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            delayReply(dataReplyDelay);
        }
        // Accepted, whether or not the client is still there to hear it.
        received.add(new Received(recipient, messageId(data.toString()), data.toString()));
        try {
            reply(out, "250 OK queued");
        } catch (IOException clientGone) {
            // the client gave up waiting
        }
    }

    private void reply(OutputStream out, String text) throws IOException {
        delayReply(everyReplyDelay);
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String messageId(String data) {
        List<String> headers = new ArrayList<>(List.of(data.split("\r\n\r\n", 2)[0].split("\r\n")));
        return headers.stream().filter(h -> h.regionMatches(true, 0, "Message-ID:", 0, 11))
                .map(h -> h.substring(11).trim()).findFirst().orElse(null);
    }

    /** The server's simulated slowness: holds the reply for {@code delay}, cut short when the server closes. */
    private void delayReply(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
    }
}
