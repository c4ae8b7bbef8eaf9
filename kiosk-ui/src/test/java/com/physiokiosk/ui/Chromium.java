package com.physiokiosk.ui;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /** A rule axe-core found broken: its id, its impact, and the elements (their selectors). */
    record AxeViolation(String rule, String impact, List<String> targets) {
    }

    /** axe-core itself, as the axe-core Selenium library ships it. */
    private static final String AXE_SOURCE = axeSource();

    private static String axeSource() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What axe-core finds against {@code tags} on the page open in {@code driver}: axe.run on the whole page,
     * as the axe-core Selenium library runs it, with the same axe-core. Run here rather than through that
     * library, which hands every result back through WebDriver (each rule passed, with its elements) for
     * Jackson to read, about 200 ms a scan; here axe is put in the page once (a page measured at several
     * sizes is scanned at each) and only the violations come back. Compared with the library on a page
     * made of violations: the same rules, impacts and elements. A scan that fails throws.
     */
    @SuppressWarnings("unchecked")
    static List<AxeViolation> axe(ChromeDriver driver, List<String> tags) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(AXE_SOURCE);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(
                    r => done(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => JSON.stringify(n.target))])),
                    e => done('axe-core failed: ' + e));
                """, tags);
        if (!(result instanceof List<?> violations)) {
            throw new AssertionError("axe-core could not scan " + driver.getCurrentUrl() + ": " + result);
        }
        return violations.stream().map(v -> (List<Object>) v)
                .map(v -> new AxeViolation((String) v.get(0), (String) v.get(1), (List<String>) v.get(2))).toList();
    }

    /** What axe-core finds against {@link #WCAG} on the page open in {@code driver}, one line per rule, named {@code name}. */
    static List<String> axeViolations(ChromeDriver driver, String name) {
        return axe(driver, WCAG).stream()
                .map(v -> name + ": axe " + v.rule() + " (" + v.impact() + ") " + String.join(", ", v.targets()))
                .toList();
    }

    /** Writes what {@code driver} shows to {@code dir/name.png}, for a reviewer. */
    static void screenshot(ChromeDriver driver, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
