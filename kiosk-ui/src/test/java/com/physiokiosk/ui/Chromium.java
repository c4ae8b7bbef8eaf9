package com.physiokiosk.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver (both installed by {@code .ci/run}), headless,
 * with the flags a root user on a closed network needs. Nothing is downloaded.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("kiosk.test.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("kiosk.test.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start(int width, int height) {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + BROWSER + ", " + DRIVER + "): apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-features=Translate,MediaRouter", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** The WCAG levels every screen is checked against: 2.0, 2.1 and 2.2, A and AA. */
    static final java.util.List<String> WCAG = java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** What axe-core finds against {@link #WCAG} on the page open in {@code driver}, one line per rule, named {@code name}. */
    static java.util.List<String> axeViolations(ChromeDriver driver, String name) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().withTags(WCAG)
                .analyze(driver);
        return results.getViolations().stream()
                .map(v -> name + ": axe " + v.getId() + " (" + v.getImpact() + ") " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(java.util.stream.Collectors.joining(", ")))
                .toList();
    }

    /** Writes what {@code driver} shows to {@code dir/name.png}, for a reviewer. */
    static void screenshot(ChromeDriver driver, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
