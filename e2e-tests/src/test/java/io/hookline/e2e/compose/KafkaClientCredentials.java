package io.hookline.e2e.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The Kafka client security settings compose gives one client, read from its environment under a prefix
 * ({@code SPRING_KAFKA_PROPERTIES_} for our services, {@code KAFKA_CLUSTERS_0_PROPERTIES_} for Kafka UI), with
 * the principal and password its JAAS configuration names.
 */
record KafkaClientCredentials(String securityProtocol, String mechanism, String jaasConfig, String username,
        String password) {

    private static final Pattern USERNAME = Pattern.compile("username=\"([^\"]*)\"");
    private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

    static KafkaClientCredentials of(Map<String, String> environment, String prefix) {
        String jaas = environment.getOrDefault(prefix + "SASL_JAAS_CONFIG", "");
        return new KafkaClientCredentials(environment.get(prefix + "SECURITY_PROTOCOL"),
                environment.get(prefix + "SASL_MECHANISM"), jaas, group(USERNAME, jaas), group(PASSWORD, jaas));
    }

    /** The client properties these settings stand for, against {@code bootstrapServers}. */
    Map<String, Object> clientProperties(String bootstrapServers) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig);
        return properties;
    }

    /** The same client with another password. */
    KafkaClientCredentials withPassword(String other) {
        return new KafkaClientCredentials(securityProtocol, mechanism,
                jaasConfig.replace("password=\"" + password + "\"", "password=\"" + other + "\""), username, other);
    }

    @Override
    public String toString() {
        return "KafkaClientCredentials[" + securityProtocol + ", " + mechanism + ", " + username + ", password=***]";
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
