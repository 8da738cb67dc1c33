package io.hookline.orders.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import io.hookline.schemas.signing.CallbackSecrets;
import io.hookline.schemas.signing.WebhookSecret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code /clients} admin API: keys and callback secrets shown once, rotation, revocation, bad input. */
class ClientAdminIntegrationTests extends ApiTestSupport {

    /** The master secret of application-test.yml. */
    static final CallbackSecrets SECRETS = new CallbackSecrets(
            WebhookSecret.parse("whsec_dGVzdC1jYWxsYmFjay1tYXN0ZXItc2VjcmV0LTEyMzQ="));

    @Test
    void aNewClientGetsItsKeyAndItsDerivedCallbackSecretOnceAndTheListingShowsNeither() {
        HttpResponse<String> created = postAs(ADMIN_KEY, "/clients", "{\"name\": \"  Ada's shop  \"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode client = json(created);
        String id = client.get("id").stringValue();
        assertThat(id).matches("cli_[0-9a-f]{32}");
        assertThat(created.headers().firstValue("Location")).hasValue("/clients/" + id);
        assertThat(client.get("name").stringValue()).isEqualTo("Ada's shop");
        assertThat(client.get("callback_key_version").intValue()).isEqualTo(1);
        String key = client.at("/api_key/key").stringValue();
        assertThat(key).startsWith("sk_test_").hasSize(8 + 43);
        assertThat(client.at("/api_key/scopes").valueStream().map(JsonNode::stringValue)).containsExactly("read",
                "write");
        String secret = client.get("callback_secret").stringValue();
        assertThat(secret).isEqualTo(SECRETS.derive(id, 1).encoded()).startsWith("whsec_");

        HttpResponse<String> listed = getAs(ADMIN_KEY, "/clients");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id, key.substring(0, 12)).doesNotContain(key, secret, "key_hash");
        assertThat(getAs(key, "/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void anIssuedKeyHasItsScopesAndARevokedOneStopsWorkingWhileTheOthersGoOn() {
        TestClient shop = createClient("[\"read\", \"write\"]");

        HttpResponse<String> issued = postAs(ADMIN_KEY, "/clients/" + shop.id() + "/api-keys",
                "{\"scopes\": [\"read\"]}");

        assertThat(issued.statusCode()).isEqualTo(201);
        String readKey = json(issued).get("key").stringValue();
        String readKeyId = json(issued).get("id").stringValue();
        assertThat(getAs(readKey, "/orders").statusCode()).isEqualTo(200);
        assertThat(postAs(readKey, "/orders", orderJson(uniqueEmail())).statusCode()).isEqualTo(403);

        assertThat(delete("/clients/" + shop.id() + "/api-keys/" + readKeyId).statusCode()).isEqualTo(204);
        assertThat(delete("/clients/" + shop.id() + "/api-keys/" + readKeyId).statusCode()).isEqualTo(204);

        assertThat(getAs(readKey, "/orders").statusCode()).isEqualTo(401);
        assertThat(getAs(shop.key(), "/orders").statusCode()).isEqualTo(200);
        JsonNode listed = json(getAs(ADMIN_KEY, "/clients")).get("data").valueStream()
                .filter(c -> c.get("id").stringValue().equals(shop.id())).findFirst().orElseThrow();
        assertThat(listed.get("api_keys").valueStream().filter(k -> k.has("revoked_at"))
                .map(k -> k.get("id").stringValue())).containsExactly(readKeyId);
    }

    @Test
    void rotatingBumpsTheVersionAndAnswersTheNewSecretOnce() {
        TestClient shop = createClient("[\"read\", \"write\"]");

        HttpResponse<String> rotated = postAs(ADMIN_KEY, "/clients/" + shop.id() + "/rotate-callback-secret", "");

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode body = json(rotated);
        assertThat(body.get("callback_key_version").intValue()).isEqualTo(2);
        assertThat(body.get("previous_callback_key_version").intValue()).isEqualTo(1);
        assertThat(body.get("callback_secret").stringValue()).isEqualTo(SECRETS.derive(shop.id(), 2).encoded())
                .isNotEqualTo(shop.callbackSecret());
        assertThat(body.get("previous_valid_until").stringValue()).endsWith("Z");
        assertThat(getAs(ADMIN_KEY, "/clients").body()).doesNotContain(body.get("callback_secret").stringValue());
    }

    @Test
    void badInputIsA422ProblemAndCreatesNothing() {
        long clients = count("client");

        for (String body : new String[] {"{}", "{\"name\": \"   \"}", "{\"name\": 42}",
                "{\"name\": \"" + "x".repeat(201) + "\"}", "{\"name\": \"Shop\", \"scopes\": []}",
                "{\"name\": \"Shop\", \"scopes\": [\"root\"]}", "{\"name\": \"Shop\", \"scopes\": \"read\"}",
                "[]"}) {
            HttpResponse<String> answer = postAs(ADMIN_KEY, "/clients", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(postAs(ADMIN_KEY, "/clients", "{not json").statusCode()).isEqualTo(400);
        assertThat(postAs(ADMIN_KEY, "/clients/cli_development/api-keys", "{}").statusCode()).isEqualTo(422);
        assertThat(count("client")).isEqualTo(clients);
    }

    @Test
    void unknownClientsAndKeysAreNotFound() {
        long keys = count("api_key");

        assertThat(postAs(ADMIN_KEY, "/clients/cli_nope/api-keys", "{\"scopes\": [\"read\"]}").statusCode())
                .isEqualTo(404);
        assertThat(postAs(ADMIN_KEY, "/clients/cli_nope/rotate-callback-secret", "").statusCode()).isEqualTo(404);
        assertThat(delete("/clients/cli_nope/api-keys/key_nope").statusCode()).isEqualTo(404);
        HttpResponse<String> foreignKey = delete("/clients/" + createClient("[\"read\"]").id()
                + "/api-keys/key_development");
        assertThat(foreignKey.statusCode()).isEqualTo(404);
        assertThat(foreignKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(getAs(CLIENT_KEY, "/orders").statusCode()).isEqualTo(200);
        assertThat(count("api_key")).isEqualTo(keys + 1);
    }

    private HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
    }
}
