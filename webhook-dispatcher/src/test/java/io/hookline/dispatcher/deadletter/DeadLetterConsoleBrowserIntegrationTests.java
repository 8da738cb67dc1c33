package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.delivery.RecordingWebhookServer.ReceivedRequest;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in a real headless Chromium against the real dispatcher, broker and endpoint server:
 * an operator signs in, finds a dead letter, opens it, presses Replay, confirms, and watches it become
 * delivered without reloading the page. Leaves a screenshot in {@code target/console.png} (and at the path of
 * {@code -Dconsole.screenshot=}, which is how docs/console.png is made).
 */
class DeadLetterConsoleBrowserIntegrationTests extends DeadLetterIntegrationTestSupport {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorFindsADeadLetterReplaysItAndSeesItDelivered() throws IOException {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = deadLetteredAtAlpha(orderId);
        String id = awaitOnlyDeadLetter(orderId, "dead").get("id").asString();
        String otherType = newEventType("console");
        produceDeadLetter(newOrderId(), otherType, "omega", 503, Instant.now().minusSeconds(600));
        produceDeadLetter(newOrderId(), otherType, "omega", null, Instant.now().minusSeconds(300));
        awaitListed(otherType, 2);
        signIn(ADMIN_TOKEN, "ada@example.com");

        WebElement alpha = waitFor(() -> browser.findElement(By.cssSelector("#endpoints tr[data-endpoint-id='alpha']")));
        assertThat(alpha.getText()).contains(webhooks.url("/alpha")).contains("enabled");
        browser.findElement(By.id("f-order")).sendKeys(orderId);
        browser.findElement(By.id("apply-filters")).click();
        WebElement row = waitFor(() -> browser.findElement(By.cssSelector("#dead-letters tr[data-id='" + id + "']")));
        assertThat(row.getText()).contains("alpha", "order.paid", orderId, "HTTP 500", "dead");
        assertThat(browser.findElement(By.id("totals")).getText()).startsWith("1 matching");

        row.findElement(By.cssSelector("button[data-action='view']")).click();
        eventually(() -> id.equals(browser.findElement(By.id("detail-id")).getText()));
        assertThat(browser.findElement(By.id("detail-payload")).getText())
                .contains("\"type\": \"order.paid\"", "\"order_id\": \"" + orderId + "\"");
        assertThat(browser.findElements(By.cssSelector("#detail-attempts tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("detail-endpoint")).getText()).contains(webhooks.url("/alpha"));

        browser.findElement(By.id("replay-one")).click();
        eventually(() -> browser.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id("confirm-ok")).click();

        eventually(() -> detailStatus().equals("replayed · delivered"));
        List<ReceivedRequest> received = webhooks.received("/alpha", event.id());
        assertThat(received).hasSize(4);
        assertThat(received.getLast().answeredStatus()).isEqualTo(200);
        assertThat(received.getLast().webhookId()).isEqualTo(event.id().toString());
        eventually(() -> text("status").contains("Replay of " + id + " queued"));
        eventually(() -> text("detail-fields").contains("by ada@example.com"));
        eventually(() -> browser.findElements(By.cssSelector("#detail-attempts tbody tr")).size() == 4);
        assertThat(browser.getPageSource()).doesNotContain(ALPHA_SECRET, OMEGA_SECRET, ADMIN_TOKEN);

        showEverything();
        screenshot();
    }

    @Test
    void anOperatorReplaysAllMatchingAndDiscardsOneWithAReason() {
        String bulkType = newEventType("bulk");
        UUID first = produceDeadLetter(newOrderId(), bulkType, "omega", 500, Instant.now().minusSeconds(60));
        UUID second = produceDeadLetter(newOrderId(), bulkType, "omega", null, Instant.now().minusSeconds(30));
        String discardType = newEventType("discard");
        UUID discarded = produceDeadLetter(newOrderId(), discardType, "omega", 410, Instant.now());
        awaitListed(bulkType, 2);
        String discardId = awaitListed(discardType, 1).get("data").get(0).get("id").asString();
        signIn(ADMIN_TOKEN, "grace");

        browser.findElement(By.id("f-event-type")).sendKeys(bulkType);
        browser.findElement(By.id("apply-filters")).click();
        eventually(() -> text("totals").startsWith("2 matching"));
        browser.findElement(By.id("replay-matching")).click();
        eventually(() -> browser.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id("confirm-ok")).click();
        eventually(() -> text("status").equals("2 replay(s) queued."));
        eventually(() -> text("totals").startsWith("0 matching"));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("replayed");
        browser.findElement(By.id("apply-filters")).click();
        eventually(() -> browser.findElements(By.cssSelector("#dead-letters .badge[data-status='replayed · delivered']"))
                .size() == 2);
        assertThat(webhooks.received("/omega", first)).hasSize(1);
        assertThat(webhooks.received("/omega", second)).hasSize(1);

        browser.findElement(By.id("f-event-type")).clear();
        browser.findElement(By.id("f-event-type")).sendKeys(discardType);
        new Select(browser.findElement(By.id("f-status"))).selectByValue("dead");
        browser.findElement(By.id("apply-filters")).click();
        click(By.cssSelector("#dead-letters tr[data-id='" + discardId + "'] button[data-action='view']"));
        eventually(() -> discardId.equals(text("detail-id")));
        browser.findElement(By.id("discard-one")).click();
        eventually(() -> browser.findElement(By.id("confirm-reason")).isDisplayed());
        browser.findElement(By.id("confirm-reason")).sendKeys("customer cancelled");
        browser.findElement(By.id("confirm-ok")).click();

        eventually(() -> detailStatus().equals("discarded"));
        eventually(() -> text("detail-fields").contains("by grace") && text("detail-fields").contains("customer cancelled"));
        eventually(() -> text("totals").startsWith("0 matching"));
        JsonNode stored = json(admin("GET", "/dead-letters/" + discardId, null));
        assertThat(stored.get("discard").get("by").asString()).isEqualTo("grace");
        assertThat(stored.get("discard").get("reason").asString()).isEqualTo("customer cancelled");
        assertThat(webhooks.received("/omega", discarded)).isEmpty();
    }

    @Test
    void aWrongTokenIsRefusedAndShowsNothing() {
        signIn("not-the-token", "");

        eventually(() -> browser.findElement(By.id("sign-in-error")).getText()
                .equals("That admin token is not valid."));
        assertThat(browser.findElement(By.id("app")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#dead-letters tbody tr"))).isEmpty();
    }

    @Test
    void thePageIsPublicButLockedDown() {
        HttpResponse<String> page = call("GET", "/console", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).contains("<title>hookline · operator console</title>");
        assertThat(call("GET", "/dead-letters", null, null).statusCode()).isEqualTo(401);
    }

    /** Waits for a condition of the page; the page re-renders while a replay is pending, so lookups may go stale. */
    private void eventually(Callable<Boolean> condition) {
        await().atMost(PAGE_WAIT).ignoreExceptions().until(condition);
    }

    /** Clicks what the locator finds once it is there, looking again when a re-render replaced it. */
    private void click(By locator) {
        eventually(() -> {
            browser.findElement(locator).click();
            return true;
        });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void signIn(String token, String operator) {
        browser.get("http://localhost:" + port + "/console");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("operator")).sendKeys(operator);
        browser.findElement(By.id("sign-in-button")).click();
        if (token.equals(ADMIN_TOKEN)) {
            eventually(() -> browser.findElement(By.id("app")).isDisplayed());
        }
    }

    private String detailStatus() {
        return browser.findElement(By.cssSelector("#detail-fields .badge")).getAttribute("data-status");
    }

    /** For the screenshot: every dead letter of this test context, whatever its status. */
    private void showEverything() {
        browser.findElement(By.id("f-order")).clear();
        new Select(browser.findElement(By.id("f-status"))).selectByValue("");
        browser.findElement(By.id("apply-filters")).click();
        eventually(() -> browser.findElements(By.cssSelector("#dead-letters tbody tr")).size() >= 3);
    }

    private void screenshot() throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "console.png"), png);
        String copy = System.getProperty("console.screenshot");
        if (copy != null && !copy.isBlank()) {
            Files.write(Path.of(copy), png);
        }
    }

    private <T> T waitFor(Supplier<T> lookup) {
        return await().atMost(PAGE_WAIT).ignoreExceptions().until(lookup::get, Objects::nonNull);
    }
}
