package io.hookline.receiver.mail;

import java.util.Set;

/**
 * Which SMTP reply codes mean "never" (RFC 5321 §4.2): a refused or unknown mailbox (550, 551, 553), a syntax
 * error in an address (501, 555) and a transaction the server rejects for good (554). Every other 5xx (e.g. 530/535
 * authentication, 552 storage exceeded, 500/502 command errors) is a fault an operator can fix within the retry
 * horizon, and every 4xx is transient by definition. Pure, thread-safe.
 */
final class SmtpReplies {

    private static final Set<Integer> NEVER = Set.of(501, 550, 551, 553, 554, 555);

    private SmtpReplies() {
    }

    static boolean permanent(int code) {
        return NEVER.contains(code);
    }
}
