package io.hookline.chaos.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
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
 * suite stops for an outage and starts again on the same port. GreenMail's {@code stop()} replaces its store
 * with an empty one, so what it had received is read from the old store once it is stopped and kept here:
 * {@link #received()} is everything since the run began. Thread-safe.
 */
public final class ChaosMailServer implements AutoCloseable {

    private static final Pattern ORDER_IN_SUBJECT = Pattern.compile("(ord_[0-9A-Za-z]+)");

    private final GreenMail smtp;
    private final int port;
    private final List<ReceivedMail> beforeOutages = new ArrayList<>();

    public ChaosMailServer(int port) {
        this.port = port;
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    public synchronized ChaosMailServer start() {
        smtp.start();
        return this;
    }

    /** Stops accepting connections (an outage): the receiver's sends are refused until {@link #start()}. */
    public synchronized void stop() {
        Managers store = smtp.getManagers();
        smtp.stop();
        for (StoredMessage message : store.getImapHostManager().getAllMessages()) {
            beforeOutages.add(read(message.getMimeMessage()));
        }
    }

    public int port() {
        return port;
    }

    /** Every e-mail received so far: the order id in its subject and its Message-ID. */
    public synchronized List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>(beforeOutages);
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mails.add(read(message));
        }
        return mails;
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Matcher order = ORDER_IN_SUBJECT.matcher(String.valueOf(message.getSubject()));
            return new ReceivedMail(order.find() ? order.group(1) : null, message.getMessageID());
        } catch (MessagingException e) {
            return new ReceivedMail(null, null);
        }
    }

    @Override
    public synchronized void close() {
        smtp.stop();
    }

    /** One e-mail as counted: its order (null when the subject names none) and its Message-ID. */
    public record ReceivedMail(String orderId, String messageId) {
    }
}
