package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.hookline.dispatcher.egress.HostResolver;
import io.hookline.dispatcher.egress.ScriptedNames;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.UsesTestKafka;
import io.netty.resolver.AddressResolverGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DNS rebinding, as production runs the address policy ({@code allow-private-urls} off; only the test server's
 * {@code 127.0.0.1/32} allow-listed): a host that resolves to the allowed address when the URL is saved and at
 * the first attempt, then to a private or metadata address, gets one request and then none, and the attempt log
 * says why. The name service is scripted ({@link ScriptedNames}); the server is real, on a real port, and closes
 * every connection, so each attempt needs a new one. Its own context, topics and consumer groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.retry.delays=300ms,600ms",
        "hookline.dispatcher.retry.deadline-slack=60s",
        "hookline.dispatcher.http.connect-timeout=500ms",
        "hookline.dispatcher.http.response-timeout=2s",
        "hookline.dispatcher.admin.token=" + DnsRebindingIntegrationTests.TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=false",
        "hookline.dispatcher.directory.allowed-cidrs=127.0.0.1/32",
        "hookline.dispatcher.callbacks.secret=" + DispatcherIntegrationTestSupport.CALLBACK_SECRET,
        "spring.datasource.url=jdbc:h2:mem:dispatcher-rebinding-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
class DnsRebindingIntegrationTests {

    static final String TOKEN = "rebinding-test-token";

    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static final HttpServer server = failingServer();

    @TestConfiguration
    static class Names {

        @Bean
        ScriptedNames scriptedNames() {
            return new ScriptedNames();
        }

        @Bean
        HostResolver saveTimeNames(ScriptedNames names) {
            return names.atSave();
        }

        @Bean
        AddressResolverGroup<InetSocketAddress> connectTimeNames(ScriptedNames names) {
            return names.atConnect();
        }
    }

    @Autowired
    ScriptedNames names;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    DeliveryTopicsProperties topics;

    @Autowired
    JsonMapper jsonMapper;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void anEndpointWhoseHostRebindsToAPrivateAddressGetsOneRequestThenNone() {
        String host = "rebind-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        names.script(host, "127.0.0.1", "127.0.0.1", "10.0.0.1");
        String path = "/hook-" + UUID.randomUUID();
        HttpResponse<String> created = LocalHttp.call(port, "POST", "/endpoints", "{\"url\":\"http://" + host + ":"
                + server.getAddress().getPort() + path + "\",\"event_types\":[\"order.paid\"]}", "Bearer " + TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        String endpointId = jsonMapper.readTree(created.body()).get("id").asString();
        String orderId = DispatcherIntegrationTestSupport.newOrderId();
        EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(orderId);

        publish(event, orderId, Map.of());

        ConsumerRecord<String, String> dead = awaitDeadLetter(event.id(), endpointId);
        String refusal = "address 10.0.0.1 of " + host + " is private: refused";
        assertThat(header(dead, DeliveryHeaders.DLT_REASON)).isEqualTo("not retried: " + refusal);
        assertThat(header(dead, DeliveryHeaders.ATTEMPTS)).isEqualTo("2");
        assertThat(received).filteredOn(request -> request.equals(path + " " + event.id())).hasSize(1);
        assertThat(names.connectLookups(host)).containsExactly(host + "=127.0.0.1", host + "=10.0.0.1");
        JsonNode attempts = awaitAttempts(event.id(), 2);
        assertThat(attempts.get(0).get("status").asInt()).isEqualTo(500);
        assertThat(attempts.get(1).get("error").asString()).isEqualTo(refusal);
        assertThat(attempts.get(1).get("succeeded").asBoolean()).isFalse();
    }

    @Test
    void aCallbackUrlIsCheckedAgainOnEveryRetry() {
        String host = "callback-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        names.script(host, "127.0.0.1", "127.0.0.1", "169.254.169.254");
        String path = "/callback-" + UUID.randomUUID();
        String orderId = DispatcherIntegrationTestSupport.newOrderId();
        EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(orderId,
                "http://" + host + ":" + server.getAddress().getPort() + path);

        publish(event, orderId, Map.of(EventHeaders.CLIENT_ID, "cli_rebind", EventHeaders.CALLBACK_KEY_VERSIONS, "1"));

        ConsumerRecord<String, String> dead = awaitDeadLetter(event.id(), "callback:" + host);
        String refusal = "address 169.254.169.254 of " + host + " is link-local: refused";
        assertThat(header(dead, DeliveryHeaders.DLT_REASON)).isEqualTo("not retried: " + refusal);
        assertThat(header(dead, DeliveryHeaders.CLIENT_ID)).isEqualTo("cli_rebind");
        assertThat(received).filteredOn(request -> request.equals(path + " " + event.id())).hasSize(1);
        assertThat(awaitAttempts(event.id(), 2).get(1).get("error").asString()).isEqualTo(refusal);
    }

    @Test
    void refusesAtSaveTimeAHostThatResolvesToAPrivateAddress() {
        String host = "private-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        names.script(host, "fd00::7", "fd00::7");

        HttpResponse<String> response = LocalHttp.call(port, "POST", "/endpoints", "{\"url\":\"http://" + host
                + "/hook\"}", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(jsonMapper.readTree(response.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("must not point to a loopback, private or link-local address (fd00:0:0:0:0:0:0:7 is "
                        + "unique-local)");
        assertThat(names.connectLookups(host)).isEmpty();
    }

    private void publish(EventEnvelope<OrderPaid> event, String orderId, Map<String, String> extra) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), orderId,
                jsonMapper.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        extra.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        kafkaTemplate.send(record).join();
    }

    private ConsumerRecord<String, String> awaitDeadLetter(UUID eventId, String endpointId) {
        return DispatcherIntegrationTestSupport.awaitRecord(topics.deliveriesDeadLetter(),
                record -> eventId.toString().equals(header(record, DeliveryHeaders.EVENT_ID))
                        && endpointId.equals(header(record, DeliveryHeaders.ENDPOINT_ID)));
    }

    /** The event's attempts in the attempt log, once there are {@code count}, oldest first. */
    private JsonNode awaitAttempts(UUID eventId, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> jsonMapper.readTree(LocalHttp.call(port, "GET",
                "/events/" + eventId + "/attempts", null, "Bearer " + TOKEN).body()).get("data"),
                data -> data.size() == count);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return DispatcherIntegrationTestSupport.header(record, name);
    }

    /** Answers 500 to everything, records "path webhook-id", and closes the connection after each answer. */
    private static HttpServer failingServer() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            created.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.add(exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("webhook-id"));
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            created.start();
            return created;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
