package io.hookline.chaos.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the receiver sends its confirmations to: GreenMail on 127.0.0.1 and a fixed port, which the
 * suite stops for an outage and starts again on the same port. GreenMail keeps what it received across a
 * stop and a start of the same instance, so {@link #received()} is everything since the run began.
 * Thread-safe (GreenMail's start and stop are synchronized).
 */
public final class ChaosMailServer implements AutoCloseable {

    private static final Pattern ORDER_IN_SUBJECT = Pattern.compile("(ord_[0-9A-Za-z]+)");

    private final GreenMail smtp;
    private final int port;

    public ChaosMailServer(int port) {
        this.port = port;
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    public ChaosMailServer start() {
        smtp.start();
        return this;
    }

    /** Stops accepting connections (an outage): the receiver's sends are refused until {@link #start()}. */
    public void stop() {
        smtp.stop();
    }

    public int port() {
        return port;
    }

    /** Every e-mail received so far: the order id in its subject and its Message-ID. */
    public List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Matcher order = ORDER_IN_SUBJECT.matcher(String.valueOf(message.getSubject()));
                mails.add(new ReceivedMail(order.find() ? order.group(1) : null, message.getMessageID()));
            } catch (MessagingException e) {
                mails.add(new ReceivedMail(null, null));
            }
        }
        return mails;
    }

    @Override
    public void close() {
        smtp.stop();
    }

    /** One e-mail as counted: its order (null when the subject names none) and its Message-ID. */
    public record ReceivedMail(String orderId, String messageId) {
    }
}
