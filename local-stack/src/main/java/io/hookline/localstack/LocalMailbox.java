package io.hookline.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The local stack's SMTP catcher: an in-process GreenMail SMTP server on localhost that accepts every
 * message (nothing leaves the machine), and a small web page listing what it caught, newest first
 * ({@code GET /}) with the same as JSON ({@code GET /api/messages}). Messages live in memory until the stack
 * stops. Thread-safe.
 */
public final class LocalMailbox implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer web;

    private LocalMailbox(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    /** Starts SMTP on {@code smtpPort} and the page on {@code webPort} (0 = any free port), loopback only. */
    public static LocalMailbox start(int smtpPort, int webPort) {
        int port = smtpPort == 0 ? freePort() : smtpPort;
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
            LocalMailbox mailbox = new LocalMailbox(smtp, web);
            web.createContext("/api/messages", exchange -> mailbox.answer(exchange, "application/json",
                    mailbox.json()));
            web.createContext("/", exchange -> mailbox.answer(exchange, "text/html", mailbox.html()));
            web.start();
            return mailbox;
        } catch (IOException | RuntimeException e) {
            smtp.stop();
            throw new IllegalStateException("cannot serve the mailbox page on port " + webPort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the SMTP server", e);
        }
    }

    public String webUrl() {
        return "http://localhost:" + web.getAddress().getPort();
    }

    /** What was caught, newest first. */
    public List<CaughtMail> messages() {
        List<CaughtMail> caught = new ArrayList<>(Arrays.stream(smtp.getReceivedMessages()).map(LocalMailbox::read)
                .toList());
        Collections.reverse(caught);
        return caught;
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }

    private void answer(HttpExchange exchange, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String json() {
        return messages().stream().map(CaughtMail::toJson).collect(Collectors.joining(",\n", "[", "]\n"));
    }

    private String html() {
        StringJoiner page = new StringJoiner("\n");
        page.add("<!doctype html><html><head><meta charset=\"utf-8\"><title>hookline local mailbox</title>"
                + "<style>body{font-family:sans-serif;margin:2em}article{border:1px solid #ccc;padding:1em;"
                + "margin-bottom:1em}pre{white-space:pre-wrap}</style></head><body>");
        List<CaughtMail> messages = messages();
        page.add("<h1>hookline local mailbox</h1><p>" + messages.size() + " message(s) caught by the SMTP server "
                + "on localhost:" + smtpPort() + ", newest first. JSON: <a href=\"/api/messages\">/api/messages</a>. "
                + "Reload to refresh.</p>");
        for (CaughtMail mail : messages) {
            page.add("<article><b>" + escape(mail.subject()) + "</b><br>From: " + escape(mail.from()) + "<br>To: "
                    + escape(mail.to()) + "<br>Date: " + escape(mail.date()) + "<br>Message-ID: "
                    + escape(mail.messageId()) + "<pre>" + escape(mail.text()) + "</pre></article>");
        }
        page.add("</body></html>");
        return page.toString();
    }

    private static CaughtMail read(MimeMessage message) {
        try {
            Object content = message.getContent();
            return new CaughtMail(addresses(message.getFrom()), addresses(message.getAllRecipients()),
                    String.valueOf(message.getSubject()), String.valueOf(message.getSentDate()),
                    String.valueOf(message.getMessageID()),
                    content instanceof String text ? text : "(" + message.getContentType() + ")");
        } catch (MessagingException | IOException e) {
            return new CaughtMail("?", "?", "(unreadable message: " + e.getMessage() + ")", "", "", "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString)
                .collect(Collectors.joining(", "));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** One caught e-mail, as shown on the page. */
    public record CaughtMail(String from, String to, String subject, String date, String messageId, String text) {

        String toJson() {
            return "{\"from\":" + quote(from) + ",\"to\":" + quote(to) + ",\"subject\":" + quote(subject)
                    + ",\"date\":" + quote(date) + ",\"message_id\":" + quote(messageId) + ",\"text\":"
                    + quote(text) + "}";
        }

        private static String quote(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }
    }
}
