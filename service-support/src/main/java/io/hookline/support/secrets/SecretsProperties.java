package io.hookline.support.secrets;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that encrypt secrets at rest ({@code hookline.secrets.*}), validated when the application starts; an
 * error names the property and the key id, never the key.
 *
 * @param keys AES-256 keys by key id: {@code hookline.secrets.keys.<key-id>: <base64 of 32 bytes>}. A key id is
 *     1-32 letters, digits, '.' or '-' (environment variables: {@code HOOKLINE_SECRETS_KEYS_K2027}); it is written
 *     into every value it encrypts, so a key must stay configured as long as a value under it may be read. A blank
 *     value counts as not configured (how the prod profile drops the development key). Default: none
 * @param activeKey the key id new values are encrypted under; blank = nothing can be encrypted (values can still
 *     be decrypted with the configured keys). Default: blank
 */
@ConfigurationProperties("hookline.secrets")
public record SecretsProperties(@DefaultValue Map<String, String> keys, @DefaultValue("") String activeKey) {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,31}");
    private static final int KEY_BYTES = 32;

    public SecretsProperties {
        Map<String, String> configured = new LinkedHashMap<>();
        (keys == null ? Map.<String, String>of() : keys).forEach((id, value) -> {
            if (value != null && !value.isBlank()) {
                configured.put(id, value.trim());
            }
        });
        configured.forEach(SecretsProperties::validate);
        keys = Map.copyOf(configured);
        activeKey = activeKey == null ? "" : activeKey.trim();
        if (!activeKey.isEmpty() && !keys.containsKey(activeKey)) {
            throw new IllegalArgumentException("hookline.secrets.active-key names key id '" + activeKey
                    + "', which hookline.secrets.keys does not configure (configured: " + keys.keySet() + ")");
        }
    }

    /** The key's bytes; only for building the cipher. */
    byte[] key(String id) {
        return Base64.getDecoder().decode(keys.get(id));
    }

    private static void validate(String id, String value) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("hookline.secrets.keys: key id '" + id
                    + "' must be 1-32 letters, digits, '.' or '-'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hookline.secrets.keys." + id + " must be base64 (of 32 random bytes)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("hookline.secrets.keys." + id + " must be the base64 of exactly "
                    + KEY_BYTES + " bytes (an AES-256 key), not " + bytes.length);
        }
    }

    /** Names the key ids, never the keys. */
    @Override
    public String toString() {
        return "SecretsProperties[activeKey=" + activeKey + ", keys=" + keys.keySet().stream().sorted().toList()
                + " (values redacted)]";
    }
}
