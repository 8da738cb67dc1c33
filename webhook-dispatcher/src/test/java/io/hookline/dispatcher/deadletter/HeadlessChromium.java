package io.hookline.dispatcher.deadletter;

import io.hookline.testsupport.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through ChromeDriver, both from the system (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Nothing is downloaded at test time. Where either is
 * missing, the test using this is skipped with a message that says so and how to get them. Paths can be
 * overridden with {@code -Dtest.chromium=} and {@code -Dtest.chromedriver=}.
 */
public final class HeadlessChromium {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {
    }

    /** Starts a browser with an empty profile of its own; skips the calling test when there is none. */
    public static ChromeDriver start() {
        Optional<String> browser = find("test.chromium", BROWSERS);
        Optional<String> driver = find("test.chromedriver", DRIVERS);
        Prerequisites.require(browser.isPresent() && driver.isPresent(),
                "No Chromium browser and ChromeDriver on this machine (looked for " + BROWSERS + " and " + DRIVERS
                        + "): the console browser test cannot run. Install Debian's chromium and chromium-driver"
                        + " packages (bin/test does) or pass -Dtest.chromium= and -Dtest.chromedriver=.");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get());
        // Headless, and quiet on a machine without internet: no background requests to Google's services.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1100", "--user-data-dir=" + profileDirectory());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<String> find(String property, List<String> candidates) {
        String configured = System.getProperty(property);
        Stream<String> paths = configured != null ? Stream.of(configured) : candidates.stream();
        return paths.filter(path -> Files.isRegularFile(Path.of(path)) && Files.isExecutable(Path.of(path))).findFirst();
    }

    private static String profileDirectory() {
        try {
            return Files.createTempDirectory("hookline-chromium-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
