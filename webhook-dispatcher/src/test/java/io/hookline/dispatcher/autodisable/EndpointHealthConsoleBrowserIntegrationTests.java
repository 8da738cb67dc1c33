package io.hookline.dispatcher.autodisable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.deadletter.HeadlessChromium;
import io.hookline.dispatcher.endpoint.Disablement;
import io.hookline.dispatcher.endpoint.EndpointDisablements;
import io.hookline.dispatcher.health.OutcomeHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's endpoint health in a real headless Chromium: the outcome chart of an endpoint whose history was
 * fed over several minutes (the application's clock moved back for each), and a disabled endpoint that shows why
 * and since when and is re-enabled, with the replay, from the page. Leaves {@code target/console-health.png} (and
 * the file at {@code -Dconsole.screenshot=}, which is how docs/console.png is made).
 */
class EndpointHealthConsoleBrowserIntegrationTests extends EndpointHealthIntegrationTestSupport {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    @Autowired
    OutcomeHistory history;

    @Autowired
    EndpointDisablements disablements;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        clock.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void chartsTheLastHourAndReEnablesADisabledEndpointWithItsReplay() throws IOException {
        String charted = createEndpoint(newPath("charted"));
        feed(charted, 40, 3, 1, 0, 120);
        feed(charted, 25, 5, 0, 2, 60);
        feed(charted, 10, 0, 0, 4, 0);
        feed(charted, 2, 8, 2, 1, 80);
        String broken = createEndpoint(newPath("broken"));
        Instant failingSince = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        disablements.disable(broken, new Disablement("every attempt failed for at least 5 days "
                + "(hookline.dispatcher.auto-disable.after=PT120H)", Instant.now().truncatedTo(ChronoUnit.MILLIS), failingSince));

        signIn();
        WebElement row = waitFor(By.cssSelector("#endpoints tr[data-endpoint-id='" + charted + "']"));
        eventually(() -> row.findElements(By.cssSelector("svg.outcomes g.bar")).size() == 4);
        assertThat(row.findElements(By.cssSelector("svg.outcomes .seg.delivered"))).hasSize(3);
        assertThat(row.findElements(By.cssSelector("svg.outcomes .seg.failed"))).hasSize(2);
        assertThat(row.findElements(By.cssSelector("svg.outcomes .seg.deferred"))).hasSize(3);
        assertThat(row.findElements(By.cssSelector("svg.outcomes .latency-point"))).hasSize(3);
        assertThat(row.findElement(By.cssSelector("svg.outcomes")).getAttribute("aria-label"))
                .isEqualTo("Last 60 minutes: 16 delivered, 3 failed, 7 deferred");

        WebElement disabled = waitFor(By.cssSelector("#endpoints tr[data-endpoint-id='" + broken + "']"));
        assertThat(disabled.getText()).contains("disabled", "every attempt failed for at least 5 days", "since",
                "failing since");
        screenshot();
        click(By.cssSelector("#endpoints tr[data-endpoint-id='" + broken + "'] button[data-action='enable']"));
        eventually(() -> browser.findElement(By.id("confirm-replay")).isDisplayed());
        assertThat(browser.findElement(By.id("confirm-replay")).isSelected()).isTrue();
        browser.findElement(By.id("confirm-ok")).click();

        eventually(() -> browser.findElement(By.id("status")).getText()
                .equals(broken + " enabled; 0 dead letter(s) replayed."));
        eventually(() -> browser.findElement(By.cssSelector("#endpoints tr[data-endpoint-id='" + broken + "']"))
                .getText().contains("enabled"));
        assertThat(browser.findElements(By.cssSelector("#endpoints tr[data-endpoint-id='" + broken
                + "'] button[data-action='enable']"))).isEmpty();
        assertThat(endpoint(broken).get("enabled").asBoolean()).isTrue();
    }

    /** Records outcomes at {@code minutesAgo}: the application's clock is moved there while feeding. */
    private void feed(String endpointId, int minutesAgo, int delivered, int failed, int deferred, long latencyMs) {
        clock.shift(Duration.ofMinutes(minutesAgo).negated());
        try {
            for (int i = 0; i < delivered; i++) {
                history.delivered(endpointId, latencyMs);
            }
            for (int i = 0; i < failed; i++) {
                history.failed(endpointId, latencyMs * 10);
            }
            for (int i = 0; i < deferred; i++) {
                history.deferred(endpointId);
            }
        } finally {
            clock.reset();
        }
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/console");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("operator")).sendKeys("ada@example.com");
        browser.findElement(By.id("sign-in-button")).click();
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

    private WebElement waitFor(By locator) {
        return await().atMost(PAGE_WAIT).ignoreExceptions().until(() -> browser.findElement(locator),
                element -> element != null);
    }

    private void screenshot() throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "console-health.png"), png);
        String copy = System.getProperty("console.screenshot");
        if (copy != null && !copy.isBlank()) {
            Files.write(Path.of(copy), png);
        }
    }
}
