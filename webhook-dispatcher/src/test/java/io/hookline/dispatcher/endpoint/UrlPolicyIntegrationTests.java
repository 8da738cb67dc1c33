package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testsupport.UsesTestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SSRF guard as production runs it ({@code allow-private-urls} off): its own context, topics and
 * consumer groups, so it never takes work from the other integration tests' dispatcher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.admin.token=ssrf-test-token",
        "hookline.dispatcher.directory.allow-private-urls=false",
        "spring.datasource.url=jdbc:h2:mem:dispatcher-ssrf-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
class UrlPolicyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper jsonMapper;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8082/hook", "http://localhost/hook", "http://10.0.0.7/hook",
            "http://192.168.1.20/hook", "http://172.16.0.1/hook", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook", "http://100.64.0.1/hook"})
    void refusesEndpointsThatPointIntoPrivateNetworks(String url) throws Exception {
        HttpResponse<String> response = post("{\"url\":\"" + url + "\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = jsonMapper.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("url");
        assertThat(error.get("message").asString()).startsWith("must not point to a loopback, private or link-local");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://[::ffff:10.0.0.1]/hook      | 0:0:0:0:0:ffff:a00:1 is IPv4-mapped
            http://[::ffff:8.8.8.8]/hook       | 0:0:0:0:0:ffff:808:808 is IPv4-mapped
            http://[::127.0.0.1]/hook          | 0:0:0:0:0:0:7f00:1 is IPv4-compatible
            http://[::a9fe:a9fe]/latest        | 0:0:0:0:0:0:a9fe:a9fe is IPv4-compatible
            http://[64:ff9b::a9fe:a9fe]/latest | 64:ff9b:0:0:0:0:a9fe:a9fe is NAT64 of 169.254.169.254 (link-local)
            http://[64:ff9b::a00:1]/hook       | 64:ff9b:0:0:0:0:a00:1 is NAT64 of 10.0.0.1 (private)
            http://[64:ff9b:1::a00:1]/hook     | 64:ff9b:1:0:0:0:a00:1 is NAT64 local-use
            http://[2002:a9fe:a9fe::1]/hook    | 2002:a9fe:a9fe:0:0:0:0:1 is 6to4 of 169.254.169.254 (link-local)
            http://[2001::1]/hook              | 2001:0:0:0:0:0:0:1 is Teredo
            http://[fec0::1]/hook              | fec0:0:0:0:0:0:0:1 is site-local
            http://[fe80::1]/hook              | fe80:0:0:0:0:0:0:1 is link-local
            http://[fc00::1]/hook              | fc00:0:0:0:0:0:0:1 is unique-local
            http://[::]/hook                   | 0:0:0:0:0:0:0:0 is unspecified
            http://[ff02::1]/hook              | ff02:0:0:0:0:0:0:1 is multicast
            http://198.18.0.1/hook             | 198.18.0.1 is benchmarking
            http://192.0.2.1/hook              | 192.0.2.1 is documentation
            http://240.0.0.1/hook              | 240.0.0.1 is reserved
            http://255.255.255.255/hook        | 255.255.255.255 is broadcast
            """)
    void refusesIpv6FormsThatReachPrivateAddressesAsAProblem(String url, String why) throws Exception {
        HttpResponse<String> response = post("{\"url\":\"" + url + "\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = jsonMapper.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("url");
        assertThat(error.get("message").asString())
                .isEqualTo("must not point to a loopback, private or link-local address (" + why + ")");
        assertThat(get("/endpoints").body()).doesNotContain(url.substring(7, url.indexOf('/', 8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/hook", "file:///etc/passwd", "gopher://example.com/", "not a url",
            "http://user:pw@example.com/hook"})
    void refusesWhatIsNotAPlainHttpUrl(String url) throws Exception {
        HttpResponse<String> response = post("{\"url\":\"" + url + "\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(jsonMapper.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "https://[2606:4700:4700::1111]/hook",
            "http://[64:ff9b::5db8:d70e]/hook", "http://[2002:5db8:d70e::1]/hook"})
    void acceptsPublicAddresses(String url) throws Exception {
        HttpResponse<String> response = post("{\"url\":\"" + url + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                    .header("Authorization", "Bearer ssrf-test-token").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/endpoints"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer ssrf-test-token").build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
