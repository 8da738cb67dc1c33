package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.signing.WebhookSecret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every endpoint type that holds a secret, or a URL that may carry credentials, redacts them in toString. */
class SecretRedactionTests {

    private static final String SECRET = "whsec_cmVkYWN0aW9uLXNlY3JldC1rZXktZm9yLXRlc3RzISE=";
    private static final String KEY = SECRET.substring("whsec_".length());
    private static final String URL = "https://shop:pa55word@hooks.example.com/paid?token=t0ken";
    private static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");

    @Test
    void endpointShowsHowManySecretsNotWhichAndNoUrlCredentials() {
        Endpoint endpoint = new Endpoint("ep_1", URI.create(URL), WebhookSecret.parse(SECRET), Set.of("order.paid"));

        assertThat(endpoint.toString()).contains("ep_1", "hooks.example.com/paid", "secrets=1")
                .doesNotContain(KEY).doesNotContain("pa55word").doesNotContain("t0ken");
    }

    @Test
    void storedEndpointShowsNoUrlCredentials() {
        StoredEndpoint endpoint = new StoredEndpoint("ep_1", URL, "shop", List.of(), true, NOW, NOW);

        assertThat(endpoint.toString()).contains("ep_1", "hooks.example.com/paid", "shop")
                .doesNotContain("pa55word").doesNotContain("t0ken");
    }

    @Test
    void endpointRequestShowsNoUrlCredentials() {
        EndpointRequest request = new EndpointRequest(URL, "shop", List.of("order.paid"), true);

        assertThat(request.toString()).contains("hooks.example.com/paid", "order.paid")
                .doesNotContain("pa55word").doesNotContain("t0ken");
    }

    @Test
    void endpointResponseSaysThereIsASecretWithoutShowingIt() {
        StoredEndpoint endpoint = new StoredEndpoint("ep_1", URL, "shop", List.of(), true, NOW, NOW);

        assertThat(EndpointResponse.withSecret(endpoint, SECRET).toString()).contains("ep_1", "secret=***")
                .doesNotContain(KEY).doesNotContain("pa55word");
        assertThat(EndpointResponse.of(endpoint).toString()).contains("secret=null");
    }

    @Test
    void rotationAnswerAndStoredSecretHideTheSecret() {
        assertThat(new EndpointService.RotationResponse("ep_1", SECRET, NOW).toString()).contains("ep_1")
                .doesNotContain(KEY);
        assertThat(new EndpointStore.StoredSecret("ep_1", SECRET, NOW, null).toString()).contains("ep_1")
                .doesNotContain(KEY);
    }

    @Test
    void configuredEndpointHidesItsSecretAndUrlCredentials() {
        EndpointProperties.ConfiguredEndpoint configured = new EndpointProperties.ConfiguredEndpoint("receiver", URL,
                SECRET, List.of());

        assertThat(configured.toString()).contains("receiver", "hooks.example.com/paid")
                .doesNotContain(KEY).doesNotContain("pa55word").doesNotContain("t0ken");
    }
}
