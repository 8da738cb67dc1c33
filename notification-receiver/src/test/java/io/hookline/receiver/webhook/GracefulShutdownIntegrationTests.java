package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.NotificationReceiverApplication;
import io.hookline.receiver.inbox.InboxHeaders;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.testsupport.TestKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Graceful web server shutdown with real HTTP: a webhook whose request is in progress when the receiver is
 * told to stop (its body still arriving) is answered normally, 202 after its hand-off to the inbox queue was
 * acknowledged; new connections are refused from the moment the shutdown starts. Runs its own receiver
 * (inbox worker off: only the HTTP side is under test) on the shared broker.
 */
class GracefulShutdownIntegrationTests {

    /** This test's own inbox topic: no other context in the JVM reads it (docs/testing.md). */
    private static final String INBOX = "graceful-shutdown.notifications.inbox";

    @Test
    void aWebhookInProgressWhenTheStopBeginsIsAnsweredAndNewConnectionsAreRefused() throws Exception {
        ConfigurableApplicationContext receiver = new SpringApplicationBuilder(NotificationReceiverApplication.class)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--spring.datasource.url=jdbc:h2:mem:graceful-shutdown;DB_CLOSE_DELAY=-1",
                        "--spring.kafka.listener.auto-startup=false",
                        "--hookline.receiver.inbox.topic=" + INBOX,
                        "--server.shutdown=graceful",
                        "--spring.lifecycle.timeout-per-shutdown-phase=15s");
        int port = ((WebServerApplicationContext) receiver).getWebServer().getPort();
        String webhookId = OrderPaidBodies.newWebhookId();
        byte[] body = OrderPaidBodies.valid(OrderPaidBodies.newOrderId()).getBytes(StandardCharsets.UTF_8);

        try (Socket sender = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = sender.getOutputStream();
            out.write(head(port, webhookId, body));
            out.write(Arrays.copyOf(body, body.length / 2));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> requestsInServlets(receiver) > 0);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(receiver::close);
            await().atMost(Duration.ofSeconds(15)).until(() -> refusesConnections(port));
            assertThat(stopping).isNotDone();
            out.write(Arrays.copyOfRange(body, body.length / 2, body.length));
            out.flush();
            String answer = readAnswer(sender.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 202").contains("{\"status\":\"event_received\"}");
            stopping.get();
        }
        assertThat(refusesConnections(port)).isTrue();
        assertThat(TopicProbe.awaitRecords(INBOX, 1,
                record -> webhookId.equals(TopicProbe.header(record, InboxHeaders.WEBHOOK_ID)))).hasSize(1);
    }

    private static byte[] head(int port, String webhookId, byte[] body) {
        StringBuilder head = new StringBuilder("POST /webhooks/order-paid HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        Map<String, String> signed = WebhookClient.signedHeaders(WebhookClient.SECRET, webhookId, Instant.now(),
                new String(body, StandardCharsets.UTF_8));
        signed.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Requests currently inside a servlet: what Spring Boot's graceful shutdown waits for. */
    private static int requestsInServlets(ConfigurableApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        int allocated = 0;
        for (Container webContext : server.getTomcat().getHost().findChildren()) {
            for (Container wrapper : webContext.findChildren()) {
                allocated += ((StandardWrapper) wrapper).getCountAllocated();
            }
        }
        return allocated;
    }

    private static boolean refusesConnections(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    /** Reads the whole answer (the server closes the connection after it while shutting down). */
    private static String readAnswer(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder answer = new StringBuilder();
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (answer.toString().contains("event_received")) {
                break;
            }
        }
        return answer.toString();
    }
}
