package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.safety.SafetyScreen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient's kiosk in real Chromium: taps, the on-screen keyboard, both languages, the urgent
 * message, the idle reset and the back button, and an axe-core scan of every screen.
 */
@DisplayName("Patient kiosk in Chromium")
class PatientBrowserIT {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private TestKiosk kiosk;
    private ChromeDriver driver;
    private String base;
    private final List<String> accessibilityProblems = new ArrayList<>();

    private void open(Map<String, String> env, int width, int height) {
        kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS, env, Clock.systemDefaultZone());
        kiosk.app.javalin().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + kiosk.app.javalin().port();
        driver = Chromium.start(width, height);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void tap(By by) {
        WebElement e = waiting(5).until(ExpectedConditions.elementToBeClickable(by));
        e.click();
    }

    private void tapButton(String text) {
        tap(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']"));
    }

    private void tapAnswer(String value) {
        tap(By.cssSelector("button[name=answer][value='" + value + "'], input[name=answer][value='" + value + "']"));
    }

    private String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    private void waitForPath(String path) {
        waiting(5).until(d -> path().equals(path));
    }

    /** axe-core on the current screen; serious and critical problems are collected for the end of the test. */
    private void scan(String screen) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(driver);
        for (Rule v : results.getViolations()) {
            if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                accessibilityProblems.add(screen + ": " + v.getId() + " (" + v.getImpact() + ") "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Every tap target of the screen is at least 48 CSS pixels high and wide, and nothing scrolls sideways. */
    private void checkTouchTargets(String screen) {
        JavascriptExecutor js = driver;
        Object small = js.executeScript(
                "return Array.from(document.querySelectorAll('button, a.button, label.choice'))"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])"
                        + ".filter(p => p[1].height < 48 || p[1].width < 48).map(p => p[0]);");
        assertEquals(List.of(), small, screen + ": tap targets under 48px");
        Object sideways = js.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertEquals(Boolean.FALSE, sideways, screen + ": the page scrolls sideways");
        Object fontSize = js.executeScript("return parseFloat(getComputedStyle(document.querySelector('main p, main legend, main h1')).fontSize);");
        assertTrue(((Number) fontSize).doubleValue() >= 20, screen + ": body text at least 20px, was " + fontSize);
    }

    /** From the welcome screen to the result, tapping like a patient. Scans and photographs each kind of screen. */
    private void walkThrough(String language, String name, String safetyYes, Map<String, List<String>> cramps,
                             String shotPrefix) throws IOException {
        driver.get(base + "/");
        scan("welcome");
        checkTouchTargets("welcome");
        shot(shotPrefix + "-01-welcome");
        tap(By.cssSelector("form[action='/start'] button[value='" + language + "']"));
        waitForPath("/name");
        WebElement field = driver.findElement(By.id("name"));
        assertEquals("none", field.getAttribute("inputmode"), "no system keyboard over ours");
        for (char c : name.toCharArray()) {
            String label = String.valueOf(c).toUpperCase();
            tap(By.xpath("//div[contains(@class,'keyboard')]//button[translate(normalize-space(), 'abcdefghijklmnopqrstuvwxyzñáéíóú', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÑÁÉÍÓÚ')='" + label + "']"));
        }
        assertEquals(name, field.getAttribute("value"), "typed with the on-screen keyboard, capital first");
        scan("name");
        shot(shotPrefix + "-02-name");
        tap(By.cssSelector("form[action='/name'] button[type=submit]"));
        for (String flag : SafetyScreen.FLAGS) {
            waitForPath("/q/safety/" + flag);
            if (flag.equals(SafetyScreen.FLAGS.get(0))) {
                scan("safety yes/no");
                checkTouchTargets("safety yes/no");
                shot(shotPrefix + "-03-safety");
            }
            tapAnswer(flag.equals(safetyYes) ? "yes" : "no");
        }
        waitForPath("/topics");
        scan("topics");
        checkTouchTargets("topics");
        shot(shotPrefix + "-04-topics");
        tap(By.cssSelector("button[name=topic][value=cramps]"));
        for (Map.Entry<String, List<String>> e : cramps.entrySet()) {
            waitForPath("/q/cramps/" + e.getKey());
            String type = e.getKey();
            scan("cramps " + type);
            checkTouchTargets("cramps " + type);
            shot(shotPrefix + "-05-" + type);
            if (e.getValue().isEmpty()) {
                tap(By.cssSelector("main form button.primary[type=submit]"));
                continue;
            }
            boolean multi = !driver.findElements(By.cssSelector("input[type=checkbox][name=answer]")).isEmpty();
            for (String v : e.getValue()) {
                tapAnswer(v);
            }
            if (multi) {
                tap(By.cssSelector("main form button.primary[type=submit]"));
            }
        }
        waitForPath("/review");
        scan("review");
        checkTouchTargets("review");
        shot(shotPrefix + "-06-review");
        tap(By.cssSelector("form[action='/submit'] button"));
        waitForPath("/done");
        scan("result");
        shot(shotPrefix + "-07-result");
    }

    private CheckIn onlyCheckIn() {
        List<String> ids = kiosk.app.checkIns().idsForDay(LocalDate.now());
        assertEquals(1, ids.size());
        return kiosk.app.checkIns().find(ids.get(0)).orElseThrow();
    }

    // ---- scenarios ----------------------------------------------------------------------------

    @Test
    void aPatientCompletesTheCrampsTopicInEnglishOnAPortraitKiosk() throws IOException {
        open(Map.of(), 1080, 1920);
        walkThrough("en", "Ana", null, PatientFlowTest.calmCramps(), "portrait-en");
        assertTrue(driver.findElement(By.id("check-in-number")).getText().equals("1"));
        assertTrue(driver.getPageSource().contains("While you wait"), "advice shown");
        assertFalse(driver.getPageSource().contains("Please speak to reception now"));
        assertEquals("Ana", onlyCheckIn().displayName());
        assertEquals(List.of(), accessibilityProblems, "axe-core: serious or critical violations");
    }

    @Test
    void aPatientAnswersInSpanishOnALandscapeTabletAndARedFlagShowsTheUrgentMessage() throws IOException {
        open(Map.of(), 1280, 800);
        walkThrough("es", "José", "both-legs", PatientFlowTest.calmCramps(), "landscape-es");
        String page = driver.getPageSource();
        assertTrue(page.contains("Hable con recepción ahora"), "urgent message in Spanish");
        assertTrue(driver.findElement(By.cssSelector(".urgent")).isDisplayed());
        CheckIn stored = onlyCheckIn();
        assertTrue(stored.urgent());
        assertEquals("es", stored.language());
        assertEquals(List.of(), accessibilityProblems, "axe-core: serious or critical violations");
    }

    @Test
    void anIdleKioskWarnsThenResetsAndBackShowsNothingOfThePreviousPatient() {
        open(Map.of("KIOSK_IDLE_TIMEOUT_SECONDS", "15"), 1080, 1920);
        driver.get(base + "/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        tap(By.xpath("//div[contains(@class,'keyboard')]//button[normalize-space()='Z']"));
        tap(By.cssSelector("form[action='/name'] button[type=submit]"));
        waitForPath("/q/safety/saddle-numbness");
        tapAnswer("yes");
        waitForPath("/q/safety/bladder-bowel");
        // Warned after 10 s of nothing, reset at 15 s.
        WebElement dialog = driver.findElement(By.id("idle-dialog"));
        waiting(14).until(d -> dialog.isDisplayed());
        assertTrue(driver.switchTo().activeElement().getText().contains("still here"), "focus on the button");
        waiting(10).until(d -> path().equals("/"));
        driver.navigate().back();
        waiting(5).until(d -> !path().startsWith("/q/") || !driver.getPageSource().contains("aria-pressed=\"true\""));
        assertFalse(driver.getPageSource().contains("aria-pressed=\"true\""), "no earlier answer visible");
        assertEquals("/", path(), "back lands on the welcome screen, the visit is gone");
        driver.navigate().back();
        assertEquals("/", path());
        assertTrue(kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty(), "nothing stored");
    }

    @Test
    void tappingImStillHereKeepsTheAnswers() {
        open(Map.of("KIOSK_IDLE_TIMEOUT_SECONDS", "15"), 1280, 800);
        driver.get(base + "/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        tap(By.cssSelector("form[action='/name'] button[type=submit]"));
        waitForPath("/q/safety/saddle-numbness");
        tapAnswer("no");
        waitForPath("/q/safety/bladder-bowel");
        WebElement dialog = driver.findElement(By.id("idle-dialog"));
        waiting(14).until(d -> dialog.isDisplayed());
        tap(By.id("idle-stay"));
        assertFalse(dialog.isDisplayed());
        driver.get(base + "/q/safety/saddle-numbness");
        assertTrue(driver.findElement(By.cssSelector("button[value=no]")).getAttribute("aria-pressed").equals("true"));
    }

    @Test
    void theResultScreenReturnsToTheWelcomeScreenByItselfAndTheVisitIsGone() throws IOException {
        open(Map.of("KIOSK_IDLE_TIMEOUT_SECONDS", "15"), 1080, 1920);
        walkThrough("en", "Bo", null, PatientFlowTest.calmCramps(), "return");
        String note = driver.findElement(By.id("return-note")).getText();
        assertTrue(note.matches(".*\\d+ seconds.*"), note);
        waiting(25).until(d -> path().equals("/"));
        driver.navigate().back();
        waiting(5).until(d -> path().equals("/"));
        assertFalse(driver.getPageSource().contains("check-in-number"), "the result is gone");
        assertFalse(driver.getPageSource().contains("Bo"), "nothing of the patient");
    }

    @Test
    void theLargerTextToggleEnlargesTheTextForThisPatientOnly() {
        open(Map.of(), 1080, 1920);
        driver.get(base + "/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        tap(By.cssSelector("form[action='/name'] button[type=submit]"));
        waitForPath("/q/safety/saddle-numbness");
        double before = fontSize();
        tap(By.cssSelector("form[action='/text-size'] button"));
        waitForPath("/q/safety/saddle-numbness");
        assertTrue(fontSize() > before * 1.15, "text grew");
        tap(By.cssSelector("form[action='/reset'] button"));
        waitForPath("/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        assertFalse(driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"),
                "the next patient starts with normal text");
    }

    /**
     * Every screen of every topic, answered with its first answer: scanned by axe-core, checked for
     * tap-target size and sideways scrolling, and photographed, in portrait.
     */
    @Test
    void everyScreenOfEveryTopicPassesTheAccessibilityScan() throws IOException {
        open(Map.of(), 1080, 1920);
        List<String> topics = kiosk.app.registry().topics().stream().map(t -> t.id()).toList();
        assertEquals(5, topics.size(), "all five topics are built and offered: " + topics);
        for (String topic : topics) {
            driver.get(base + "/");
            tap(By.cssSelector("form[action='/start'] button[value=en]"));
            waitForPath("/name");
            tap(By.cssSelector("form[action='/name'] button[type=submit]"));
            for (String flag : SafetyScreen.FLAGS) {
                waitForPath("/q/safety/" + flag);
                tapAnswer("no");
            }
            waitForPath("/topics");
            tap(By.cssSelector("button[name=topic][value='" + topic + "']"));
            for (int screen = 1; screen < 40 && !path().equals("/review"); screen++) {
                String at = path();
                scan(at);
                checkTouchTargets(at);
                shot("topic-" + topic + "-" + String.format("%02d", screen) + "-" + at.substring(at.lastIndexOf('/') + 1));
                answerWithFirstChoice();
                waiting(5).until(d -> !path().equals(at));
            }
            waitForPath("/review");
            scan(topic + " review");
            tap(By.cssSelector("form[action='/reset'] button"));
            waitForPath("/");
        }
        assertEquals(List.of(), accessibilityProblems, "axe-core: serious or critical violations");
    }

    /** Taps the first ordinary answer of the screen (or types the smallest number), then Next if needed. */
    private void answerWithFirstChoice() {
        List<WebElement> boxes = driver.findElements(By.cssSelector("input[type=checkbox][name=answer]"));
        List<WebElement> buttons = driver.findElements(By.cssSelector("button[name=answer]:not([value=''])"));
        List<WebElement> number = driver.findElements(By.cssSelector("input[type=number][name=answer]"));
        if (!boxes.isEmpty()) {
            boxes.get(0).findElement(By.xpath("./ancestor::label")).click();
            tap(By.cssSelector("main form button.primary[type=submit]"));
        } else if (!buttons.isEmpty()) {
            buttons.get(0).click();
        } else if (!number.isEmpty()) {
            String min = number.get(0).getAttribute("min");
            for (char c : min.toCharArray()) {
                tap(By.xpath("//div[contains(@class,'keyboard')]//button[normalize-space()='" + c + "']"));
            }
            tap(By.cssSelector("main form button.primary[type=submit]"));
        } else {
            tap(By.cssSelector("main form button.primary[type=submit], main form button.secondary[name=answer]"));
        }
    }

    private double fontSize() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize);")).doubleValue();
    }
}
