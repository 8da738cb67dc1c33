package io.hookline.receiver.inbox;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/** What a failure of processing an inbox record means for its retries. Pure, thread-safe. */
public final class InboxFailures {

    private InboxFailures() {
    }

    /**
     * {@code true} if the failure is the database being away or busy (no connection, a timeout, a lock, a lost
     * connection): waiting helps, and every record needs the database, so such a record is retried without limit.
     */
    public static boolean databaseAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
