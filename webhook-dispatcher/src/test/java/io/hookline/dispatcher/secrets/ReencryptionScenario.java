package io.hookline.dispatcher.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.secrets.SecretCipher;
import io.hookline.support.secrets.SecretsProperties;
import io.hookline.support.secrets.UnknownSecretKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Re-encryption of stored endpoint secrets against a real, freshly migrated database (H2 or PostgreSQL), in
 * batches of 2 rows: clear-text rows (from before encryption at rest) are encrypted under the active key, a new
 * active key re-encrypts every value under it, a run stopped halfway is finished by the next one, a second run
 * changes nothing, and a value under a key that is not configured stops the batch naming the key id.
 */
final class ReencryptionScenario {

    static final String K1 = Base64.getEncoder().encodeToString("scenario-key-one-0123456789abcde".getBytes());
    static final String K2 = Base64.getEncoder().encodeToString("scenario-key-two-0123456789abcde".getBytes());
    private static final OffsetDateTime NOW = OffsetDateTime.of(2031, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<Long, String> clear = new LinkedHashMap<>();

    ReencryptionScenario(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    void run() {
        for (int i = 0; i < 5; i++) {
            endpointWithClearSecret("ep_scenario_" + i);
        }
        SecretReencryption underK1 = reencryption(Map.of("k1", K1), "k1");
        assertThat(underK1.pending()).isEqualTo(5);

        assertThat(underK1.batch()).as("one batch of 2, then the run is stopped").isEqualTo(2);
        assertThat(underK1.pending()).isEqualTo(3);
        SecretReencryption restarted = reencryption(Map.of("k1", K1), "k1");
        assertThat(drain(restarted)).containsExactly(2, 1);
        assertEveryRowUnder("k1", Map.of("k1", K1));
        List<String> underK1Values = stored();
        assertThat(restarted.batch()).as("idempotent: nothing left to do").isZero();
        assertThat(stored()).isEqualTo(underK1Values);

        SecretReencryption underK2 = reencryption(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(underK2.pending()).isEqualTo(5);
        assertThat(drain(underK2)).containsExactly(2, 2, 1);
        assertThat(underK2.pending()).isZero();
        assertEveryRowUnder("k2", Map.of("k2", K2));

        long foreign = insertSecret("ep_scenario_0", column(Map.of("k0", K2), "k0").seal("ep_scenario_0",
                WebhookSecret.generate(new SecureRandom()).encoded()));
        assertThatExceptionOfType(UnknownSecretKeyException.class).isThrownBy(underK2::batch)
                .withMessageContaining("'k0'").withMessageContaining("hookline.secrets.keys.k0");
        assertThat(jdbc.sql("select secret from endpoint_secrets where id = ?").param(foreign).query(String.class)
                .single()).as("left as it was").startsWith("enc:v1:k0:");
    }

    private List<Integer> drain(SecretReencryption reencryption) {
        List<Integer> batches = new ArrayList<>();
        int found;
        while ((found = reencryption.batch()) > 0) {
            batches.add(found);
        }
        return batches;
    }

    private void assertEveryRowUnder(String keyId, Map<String, String> onlyKeys) {
        SecretColumn reader = column(onlyKeys, keyId);
        jdbc.sql("select id, endpoint_id, secret from endpoint_secrets order by id").query((rs, n) -> {
            String stored = rs.getString(3);
            assertThat(stored).startsWith("enc:v1:" + keyId + ":").doesNotContain(clear.get(rs.getLong(1)));
            assertThat(reader.open(rs.getString(2), stored)).isEqualTo(clear.get(rs.getLong(1)));
            return stored;
        }).list();
    }

    private List<String> stored() {
        return jdbc.sql("select secret from endpoint_secrets order by id").query(String.class).list();
    }

    private void endpointWithClearSecret(String id) {
        jdbc.sql("insert into endpoints (id, url, description, event_types, enabled, created_at, updated_at) "
                + "values (?, 'https://example.com/hook', '', '', true, ?, ?)").params(id, NOW, NOW).update();
        String secret = WebhookSecret.generate(new SecureRandom()).encoded();
        clear.put(insertSecret(id, secret), secret);
    }

    private long insertSecret(String endpointId, String stored) {
        jdbc.sql("insert into endpoint_secrets (endpoint_id, secret, created_at) values (?, ?, ?)")
                .params(endpointId, stored, NOW).update();
        return jdbc.sql("select max(id) from endpoint_secrets").query(Long.class).single();
    }

    private SecretReencryption reencryption(Map<String, String> keys, String active) {
        return new SecretReencryption(jdbc, new DataSourceTransactionManager(dataSource), column(keys, active),
                new ReencryptionProperties(2, Duration.ofMinutes(1)));
    }

    static SecretColumn column(Map<String, String> keys, String active) {
        return new SecretColumn(new SecretCipher(new SecretsProperties(keys, active), new SecureRandom()));
    }
}
