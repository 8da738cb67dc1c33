package io.hookline.dispatcher.secrets;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts stored endpoint secrets that are not under the active key (clear text from before encryption at
 * rest, or an older key), one batch per short transaction, lowest row id first. Each row is replaced only if it
 * still holds the value read ({@code where id = ? and secret = ?}), so a rotation or deletion in between, another
 * instance doing the same, or a restart halfway are all harmless: a row is either re-encrypted or picked up by a
 * later batch. Thread-safe; failures (the database, a value that does not decrypt) are thrown to the caller.
 */
@Component
class SecretReencryption {

    private record Row(long id, String endpointId, String stored) {
        @Override
        public String toString() {
            return "Row[id=" + id + ", endpointId=" + endpointId + ", stored=***]";
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecretColumn column;
    private final ReencryptionProperties properties;

    SecretReencryption(JdbcClient jdbc, PlatformTransactionManager transactionManager, SecretColumn column,
            ReencryptionProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.column = column;
        this.properties = properties;
    }

    /** Re-encrypts at most {@code batch-size} rows; returns how many it found to do (0: nothing left). */
    int batch() {
        List<Row> rows = jdbc.sql("select id, endpoint_id, secret from endpoint_secrets where secret not like ? "
                + "order by id fetch first " + properties.batchSize() + " rows only")
                .param(column.activePrefix() + "%")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        if (!rows.isEmpty()) {
            transaction.executeWithoutResult(status -> rows.forEach(this::reencrypt));
        }
        return rows.size();
    }

    /** How many stored secrets are not under the active key. */
    long pending() {
        return jdbc.sql("select count(*) from endpoint_secrets where secret not like ?")
                .param(column.activePrefix() + "%").query(Long.class).single();
    }

    String activeKeyId() {
        return column.activeKeyId();
    }

    private void reencrypt(Row row) {
        String sealed = column.seal(row.endpointId(), column.open(row.endpointId(), row.stored()));
        jdbc.sql("update endpoint_secrets set secret = ? where id = ? and secret = ?")
                .params(sealed, row.id(), row.stored()).update();
    }
}
