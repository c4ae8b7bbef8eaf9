package com.physiokiosk.ui;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    /**
     * Readies a test class's one Chromium for its next test: a new tab (no history to go back into, no
     * device metrics set by the last test), every other tab closed, no cookies, the window {@code width}
     * by {@code height}.
     */
    static void freshTab(ChromeDriver driver, int width, int height) {
        Set<String> old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String tab : old) {
            driver.switchTo().window(tab).close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * A wait that looks every 50 ms. Selenium's own looks every 500 ms, which adds a quarter of a second on
     * average to every wait: to every tap, as each waits for its screen to settle.
     */
    static WebDriverWait waiting(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
    }

    /** Chromium takes over the patient's visit of {@code b} (its session cookie, and no other) and opens {@code path}. */
    static void takeOver(ChromeDriver driver, String base, Browser b, String path) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.setCookie", Map.of("name", "KIOSK_SESSION",
                "value", b.cookie("KIOSK_SESSION"), "url", base + "/", "httpOnly", true));
        driver.get(base + path);
    }

    /** An HTTP client on the patient's visit in Chromium (its session cookie), to pass quickly over screens. */
    static Browser visitOverHttp(ChromeDriver driver, int port) {
        Browser b = new Browser(port);
        HttpCookie cookie = new HttpCookie("KIOSK_SESSION",
                driver.manage().getCookieNamed("KIOSK_SESSION").getValue());
        cookie.setPath("/");
        cookie.setVersion(0);
        ((CookieManager) b.http.cookieHandler().orElseThrow()).getCookieStore()
                .add(URI.create(b.origin()), cookie);
        return b;
    }

    /** The WCAG levels every screen is checked against: 2.0, 2.1 and 2.2, A and AA. */
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * axe-core against {@code tags} on the page open in {@code driver}. In axe's legacy mode, which runs
     * axe.run in the page itself: the default mode opens a second tab for every scan to put the results of
     * the page's frames together, which takes about twice as long. The kiosk's pages have no frames, and
     * both modes find the same violations (compared on a page made of violations, target-size included).
     */
    static Results axe(ChromeDriver driver, List<String> tags) {
        Results results = new AxeBuilder().withTags(tags).setLegacyMode(true).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not scan " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results;
    }

    /** What axe-core finds against {@link #WCAG} on the page open in {@code driver}, one line per rule, named {@code name}. */
    static List<String> axeViolations(ChromeDriver driver, String name) {
        Results results = axe(driver, WCAG);
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
