package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test's own kiosk (its own database), on a fresh tab of its test class's one Chromium: taps as a patient
 * taps, waits for screens, hands the visit to HTTP to pass over screens, and looks at a screen (axe-core, tap
 * targets, a screenshot). Closing it stops the kiosk; the Chromium is the class's to quit.
 */
final class KioskTab implements AutoCloseable {

    private static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final TestKiosk kiosk;
    /** The kiosk's origin, {@code http://127.0.0.1:port}. */
    final String base;
    /** What {@link #scan} found serious or critical, for the end of the test. */
    final List<String> accessibilityProblems = new ArrayList<>();

    private KioskTab(ChromeDriver driver, TestKiosk kiosk) {
        this.driver = driver;
        this.kiosk = kiosk;
        this.base = "http://127.0.0.1:" + kiosk.app.javalin().port();
    }

    /** A kiosk started with {@code env} (env-style names) and listening, shown in a fresh tab {@code width} by {@code height}. */
    static KioskTab open(ChromeDriver driver, Map<String, String> env, int width, int height) {
        TestKiosk kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS, env, Clock.systemDefaultZone());
        kiosk.app.javalin().start("127.0.0.1", 0);
        Chromium.freshTab(driver, width, height);
        return new KioskTab(driver, kiosk);
    }

    /** A wait of at most {@code seconds}, looking every 50 ms. */
    WebDriverWait waiting(int seconds) {
        return Chromium.waiting(driver, Duration.ofSeconds(seconds));
    }

    /** Taps like a patient: once the screen has settled (the kiosk ignores taps in its first moments). */
    void tap(By by) {
        waitUntilSettled();
        WebElement e = waiting(5).until(ExpectedConditions.elementToBeClickable(by));
        e.click();
    }

    /** The page has loaded; its first moments, when taps are ignored, may not be over. */
    void waitUntilLoaded() {
        waiting(5).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !!document.body;")));
    }

    /** The page has loaded and its first moments, when taps are ignored, are over. */
    void waitUntilSettled() {
        waiting(5).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !!document.body && document.body.dataset.ready === 'yes';")));
    }

    /** An HTTP client on the patient's visit in Chromium, to pass quickly over screens a test is not about. */
    Browser sameVisitOverHttp() {
        return Chromium.visitOverHttp(driver, kiosk.app.javalin().port());
    }

    /** The address on screen, without the kiosk's origin. */
    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Waits until the address is {@code path}. */
    void waitForPath(String path) {
        waiting(5).until(d -> path().equals(path));
    }

    /** Waits until the address starts with {@code prefix}. */
    void waitForPathPrefix(String prefix) {
        waiting(5).until(d -> path().startsWith(prefix));
    }

    /** Waits until the address is no longer {@code from}. */
    void waitToLeave(String from) {
        waiting(5).until(d -> !path().equals(from));
    }

    /** Taps the answer {@code value}: its button, or the tile of its box to tick. */
    void tapAnswer(String value) {
        // A box to tick is tapped on its tile (the label), as a patient does.
        tap(By.xpath("//button[@name='answer' and @value='" + value + "'] | //label[input[@name='answer' and @value='"
                + value + "']]"));
    }

    /** After the name: the safety screen's lead-in, read, then its first question. */
    void passLeadIn() {
        waitForPath("/q/safety/lead-in");
        tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        waitForPath("/q/safety/saddle-numbness");
    }

    /**
     * A patient starts in English on the welcome screen, types {@code name} on the on-screen keyboard and
     * passes the lead-in: the safety screen's first question is on screen.
     */
    void startVisit(String name) {
        driver.get(base + "/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        for (char c : name.toCharArray()) {
            tap(By.xpath("//div[contains(@class,'keyboard')]//button[normalize-space()='" + c + "']"));
        }
        tap(By.cssSelector("button[form=name-form]"));
        passLeadIn();
    }

    /** "Start again" in the header, then "Yes" on the question it asks: back to the welcome screen. */
    void startAgain() {
        tap(By.cssSelector(".site-header a[href^='/start-again']"));
        waitForPathPrefix("/start-again");
        tap(By.cssSelector("form[action='/reset'] button"));
        waitForPath("/");
    }

    /** axe-core on the current screen; serious and critical problems are collected for the end of the test. */
    void scan(String screen) {
        List<Chromium.AxeViolation> found = Chromium.axe(driver,
                List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"));
        for (Chromium.AxeViolation v : found) {
            if ("serious".equals(v.impact()) || "critical".equals(v.impact())) {
                accessibilityProblems.add(screen + ": " + v.rule() + " (" + v.impact() + ") " + String.join(", ", v.targets()));
            }
        }
    }

    /** Every tap target of the screen is at least 48 CSS pixels high and wide, and nothing scrolls sideways. */
    void checkTouchTargets(String screen) {
        JavascriptExecutor js = driver;
        Object small = js.executeScript(
                "return Array.from(document.querySelectorAll('button, a.button, label.tile'))"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])"
                        + ".filter(p => p[1].height < 48 || p[1].width < 48).map(p => p[0]);");
        assertEquals(List.of(), small, screen + ": tap targets under 48px");
        Object sideways = js.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertEquals(Boolean.FALSE, sideways, screen + ": the page scrolls sideways");
        Object fontSize = js.executeScript("return parseFloat(getComputedStyle(document.querySelector('main p, main legend, main h1')).fontSize);");
        assertTrue(((Number) fontSize).doubleValue() >= 20, screen + ": body text at least 20px, was " + fontSize);
    }

    /** A screenshot, {@code target/screenshots/name.png}, for a reviewer. */
    void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The day's one check-in. */
    CheckIn onlyCheckIn() {
        List<String> ids = kiosk.app.checkIns().idsForDay(LocalDate.now());
        assertEquals(1, ids.size());
        return kiosk.app.checkIns().find(ids.get(0)).orElseThrow();
    }

    @Override
    public void close() {
        kiosk.close();
    }
}
