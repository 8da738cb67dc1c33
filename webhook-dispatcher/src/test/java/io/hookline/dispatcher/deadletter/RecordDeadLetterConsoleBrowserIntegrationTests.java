package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.testsupport.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's view of {@code orders.events.dlt} and {@code notifications.inbox.dlt} in a real headless Chromium
 * against the real dispatcher and broker: an operator shows a parked poison event and a parked inbox record (value,
 * headers, where it came from), replays each, and sees it replayed; each is back on its source topic once. The
 * console also shows the event-type catalog, with each type's schema and example.
 */
class RecordDeadLetterConsoleBrowserIntegrationTests extends DeadLetterIntegrationTestSupport {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        createInboxTopics();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorShowsAndReplaysAParkedEventAndAParkedInboxRecord() {
        String eventOrder = newOrderId();
        ProducerRecord<String, String> poison = new ProducerRecord<>(topics.events(), eventOrder, "{\"broken\":");
        poison.headers().add("x-trace", "abc".getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(poison).join();
        String inboxOrder = newOrderId();
        parkInboxRecord(inboxOrder, UUID.randomUUID().toString(), 5L);
        String eventId = awaitOne("/event-dead-letters?order_id=" + eventOrder);
        String inboxId = awaitOne("/inbox-dead-letters?order_id=" + inboxOrder);
        signIn();

        showAndReplay("event", eventOrder, eventId, "x-trace");
        assertThat(text("r-detail-fields")).contains("by ada", topics.events());
        new Select(browser.findElement(By.id("r-source"))).selectByValue("inbox");
        showAndReplay("inbox", inboxOrder, inboxId, "webhook-id");
        assertThat(text("r-detail-fields")).contains("SMTP 550 mailbox unavailable", deadLetters.inboxTopic());

        assertThat(replaysOn(topics.events(), eventId)).hasSize(1);
        assertThat(replaysOn(deadLetters.inboxTopic(), inboxId)).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain(ADMIN_TOKEN, "at Secret.line");
    }

    @Test
    void anOperatorReadsTheEventTypeCatalogAndATypesSchemaAndExample() {
        signIn();

        eventually(() -> !browser.findElements(By.cssSelector("#event-types tr[data-type='order.refunded']")).isEmpty());
        assertThat(text("event-types")).contains("order.created", "order.paid", "order.cancelled", "order.refunded",
                "endpoint.disabled", "Kafka only", "webhook + Kafka");
        click(By.cssSelector("#event-types tr[data-type='order.refunded'] button[data-action='view-type']"));
        eventually(() -> browser.findElement(By.id("type-detail")).isDisplayed());

        assertThat(text("type-detail-name")).isEqualTo("order.refunded v1");
        assertThat(text("type-detail-schema")).contains("\"refund_id\"", "\"refunded_amount\"");
        assertThat(text("type-detail-example")).contains("\"type\": \"order.refunded\"");
    }

    private void showAndReplay(String source, String orderId, String id, String header) {
        browser.findElement(By.id("r-order")).clear();
        browser.findElement(By.id("r-order")).sendKeys(orderId);
        new Select(browser.findElement(By.id("r-status"))).selectByValue("dead");
        browser.findElement(By.id("r-apply")).click();
        click(By.cssSelector("#records tr[data-id='" + id + "'] button[data-action='view']"));
        eventually(() -> id.equals(text("r-detail-id")));
        assertThat(text("r-detail-headers")).contains(header);
        assertThat(text("r-totals")).startsWith("1 matching");

        browser.findElement(By.id("r-replay-one")).click();
        eventually(() -> browser.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id("confirm-ok")).click();

        eventually(() -> text("status").equals("Replayed " + id + "."));
        eventually(() -> browser.findElement(By.cssSelector("#r-detail-fields .badge")).getAttribute("data-status")
                .startsWith("replayed"));
        assertThat(source).isIn("event", "inbox");
    }

    private String awaitOne(String query) {
        await().atMost(PAGE_WAIT).until(() -> list(query).get("data").size() == 1);
        return list(query).get("data").get(0).get("id").asString();
    }

    private static List<ConsumerRecord<String, String>> replaysOn(String topic, String id) {
        return KafkaTopics.readToEnd(List.of(topic)).stream()
                .filter(record -> id.equals(KafkaTopics.header(record, "replay_of"))).toList();
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/console");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("operator")).sendKeys("ada");
        browser.findElement(By.id("sign-in-button")).click();
        eventually(() -> browser.findElement(By.id("app")).isDisplayed());
    }

    private void eventually(Callable<Boolean> condition) {
        await().atMost(PAGE_WAIT).ignoreExceptions().until(condition);
    }

    private void click(By locator) {
        eventually(() -> {
            browser.findElement(locator).click();
            return true;
        });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
