package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * message, the idle reset and the back button, and an axe-core scan of each kind of screen.
 *
 * <p>One Chromium serves the class; each test has a kiosk of its own (its own database) and a fresh tab
 * with no cookies. Screens a test is not about are passed over HTTP, on the same visit.
 */
@DisplayName("Patient kiosk in Chromium")
class PatientBrowserIT {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private static ChromeDriver driver;
    private TestKiosk kiosk;
    private String base;
    private final List<String> accessibilityProblems = new ArrayList<>();

    @BeforeAll
    static void startChromium() {
        driver = Chromium.start(1080, 1920);
    }

    @AfterAll
    static void quitChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(Map<String, String> env, int width, int height) {
        kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS, env, Clock.systemDefaultZone());
        kiosk.app.javalin().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + kiosk.app.javalin().port();
        Chromium.freshTab(driver, width, height);
    }

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private WebDriverWait waiting(int seconds) {
        return Chromium.waiting(driver, Duration.ofSeconds(seconds));
    }

    /** Taps like a patient: once the screen has settled (the kiosk ignores taps in its first moments). */
    private void tap(By by) {
        waitUntilSettled();
        WebElement e = waiting(5).until(ExpectedConditions.elementToBeClickable(by));
        e.click();
    }

    /** The page has loaded; its first moments, when taps are ignored, may not be over. */
    private void waitUntilLoaded() {
        waiting(5).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !!document.body;")));
    }

    /** The page has loaded and its first moments, when taps are ignored, are over. */
    private void waitUntilSettled() {
        waiting(5).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !!document.body && document.body.dataset.ready === 'yes';")));
    }

    /** An HTTP client on the patient's visit in Chromium, to pass quickly over screens a test is not about. */
    private Browser sameVisitOverHttp() {
        return Chromium.visitOverHttp(driver, kiosk.app.javalin().port());
    }

    /** A physical tap at a point of the screen, whatever page is there by then (Chrome DevTools input). */
    private void tapAt(long x, long y) {
        for (String type : List.of("mousePressed", "mouseReleased")) {
            driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y,
                    "button", "left", "clickCount", 1));
        }
    }

    /** The centre of {@code e} on the screen. */
    private long[] centre(WebElement e) {
        org.openqa.selenium.Rectangle r = e.getRect();
        Object scroll = ((JavascriptExecutor) driver).executeScript("return [window.scrollX, window.scrollY];");
        List<?> xy = (List<?>) scroll;
        return new long[] {r.getX() + r.getWidth() / 2 - ((Number) xy.get(0)).longValue(),
                r.getY() + r.getHeight() / 2 - ((Number) xy.get(1)).longValue()};
    }

    /**
     * Answers the question on screen calmly, as a patient would: "no", "none of these", the first choice,
     * 3 on a scale, the smallest number on the keypad; then Next where the screen has one.
     */
    private void answerCalmly() {
        waitUntilSettled();
        List<WebElement> exclusive = driver.findElements(By.cssSelector("input[type=checkbox][data-exclusive=true]"));
        List<WebElement> boxes = driver.findElements(By.cssSelector("input[type=checkbox][name=answer]"));
        List<WebElement> no = driver.findElements(By.cssSelector("button[name=answer][value=no]"));
        List<WebElement> scale = driver.findElements(By.cssSelector(".scale button[name=answer][value='3']"));
        List<WebElement> number = driver.findElements(By.cssSelector("input[type=number][name=answer]"));
        List<WebElement> choices = driver.findElements(By.cssSelector("button[name=answer]:not([value=''])"));
        if (!boxes.isEmpty()) {
            WebElement box = exclusive.isEmpty() ? boxes.get(0) : exclusive.get(0);
            box.findElement(By.xpath("./ancestor::label")).click();
            tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else if (!no.isEmpty()) {
            no.get(0).click();
        } else if (!scale.isEmpty()) {
            scale.get(0).click();
        } else if (!number.isEmpty()) {
            for (char c : number.get(0).getAttribute("min").toCharArray()) {
                tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
            }
            tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else if (!choices.isEmpty()) {
            choices.get(0).click();
        } else {
            tap(By.cssSelector(".action-bar button.primary[type=submit], .action-bar button.skip"));
        }
    }

    /** After the name: the safety screen's lead-in, read, then its first question. */
    private void passLeadIn() {
        waitForPath("/q/safety/lead-in");
        tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        waitForPath("/q/safety/saddle-numbness");
    }

    /** "Start again" in the header, then "Yes" on the question it asks: back to the welcome screen. */
    private void startAgain() {
        tap(By.cssSelector(".site-header a[href^='/start-again']"));
        waitForPathPrefix("/start-again");
        tap(By.cssSelector("form[action='/reset'] button"));
        waitForPath("/");
    }

    /** Waits until the address is no longer {@code from}. */
    private void waitToLeave(String from) {
        waiting(5).until(d -> !path().equals(from));
    }

    private void tapButton(String text) {
        tap(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']"));
    }

    private void tapAnswer(String value) {
        // A box to tick is tapped on its tile (the label), as a patient does.
        tap(By.xpath("//button[@name='answer' and @value='" + value + "'] | //label[input[@name='answer' and @value='"
                + value + "']]"));
    }

    private String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    private void waitForPath(String path) {
        waiting(5).until(d -> path().equals(path));
    }

    private void waitForPathPrefix(String prefix) {
        waiting(5).until(d -> path().startsWith(prefix));
    }

    /** axe-core on the current screen; serious and critical problems are collected for the end of the test. */
    private void scan(String screen) {
        List<Chromium.AxeViolation> found = Chromium.axe(driver,
                List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"));
        for (Chromium.AxeViolation v : found) {
            if ("serious".equals(v.impact()) || "critical".equals(v.impact())) {
                accessibilityProblems.add(screen + ": " + v.rule() + " (" + v.impact() + ") " + String.join(", ", v.targets()));
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

    /**
     * From the welcome screen to the result, tapping like a patient. Scans and photographs each kind of screen.
     * Of the safety screen and About you, the first screen of each kind is tapped (and the red flag, if any);
     * a screen of a kind already tapped is passed over HTTP, on the same visit. Every cramps screen is tapped.
     */
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
        tap(By.cssSelector("button[form=name-form]"));
        // Wait for the next screen itself: read at once, the address can still be the name screen's.
        waitToLeave("/name");
        // The safety screen and About you, one question per screen.
        Walker overHttp = new Walker(sameVisitOverHttp());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            waitUntilLoaded();
            String at = path();
            if (at.equals("/urgent")) {
                scan("urgent");
                checkTouchTargets("urgent");
                shot(shotPrefix + "-03-urgent");
                tap(By.cssSelector("form[action='/urgent/carry-on'] button"));
                waitToLeave(at);
                continue;
            }
            if (!at.startsWith("/q/safety/") && !at.startsWith("/q/about/")) {
                break;
            }
            String kind = at.substring(0, at.lastIndexOf('/')) + ":" + screenKind();
            boolean redFlag = at.equals("/q/safety/" + safetyYes);
            if (seen.add(kind)) {
                scan(kind);
                checkTouchTargets(kind);
                shot(shotPrefix + "-03-" + kind.replaceAll("[^a-z]+", "-"));
            } else if (!redFlag) {
                driver.get(base + overHttp.answerOne(at));
                continue;
            }
            if (redFlag) {
                tapAnswer("yes");
            } else {
                answerCalmly();
            }
            waitToLeave(at);
        }
        waitForPath("/topics");
        scan("topics");
        checkTouchTargets("topics");
        shot(shotPrefix + "-04-topics");
        tap(By.cssSelector("button[name=topic][value=cramps]"));
        for (Map.Entry<String, List<String>> e : cramps.entrySet()) {
            waitForPath("/q/cramps/" + e.getKey());
            waitUntilLoaded();
            String type = e.getKey();
            scan("cramps " + type);
            checkTouchTargets("cramps " + type);
            shot(shotPrefix + "-05-" + type);
            if (e.getValue().isEmpty()) {
                tap(By.cssSelector(".action-bar button.primary[type=submit]"));
                continue;
            }
            boolean multi = !driver.findElements(By.cssSelector("input[type=checkbox][name=answer]")).isEmpty();
            for (String v : e.getValue()) {
                tapAnswer(v);
            }
            if (multi) {
                tap(By.cssSelector(".action-bar button.primary[type=submit]"));
            }
        }
        waitForPath("/review");
        scan("review");
        checkTouchTargets("review");
        shot(shotPrefix + "-06-review");
        tap(By.cssSelector("form[action='/submit'] button"));
        waitForPath("/done");
        waitUntilLoaded();
        scan("result");
        shot(shotPrefix + "-07-result");
    }

    /** What kind of answer the screen asks for: one of each is looked at closely, and named in screenshots. */
    private String screenKind() {
        if (!driver.findElements(By.cssSelector("form.question.info")).isEmpty()) {
            return "info";
        }
        if (!driver.findElements(By.cssSelector("input[type=checkbox]")).isEmpty()) {
            return "multi";
        }
        if (!driver.findElements(By.cssSelector(".scale")).isEmpty()) {
            return "scale";
        }
        if (!driver.findElements(By.cssSelector("input[type=number]")).isEmpty()) {
            return "number";
        }
        if (!driver.findElements(By.cssSelector("button[name=answer][value=no]")).isEmpty()) {
            return "yes-no";
        }
        return "choice";
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
        assertFalse(page.contains("José"), "no name on the urgent screen");
        assertFalse(page.contains("Mientras espera"), "no advice for an urgent visit");
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
        tap(By.cssSelector("button[form=name-form]"));
        passLeadIn();
        tapAnswer("no");
        waitForPath("/q/safety/bladder");
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
    void tappingImStillHereKeepsTheAnswers() throws IOException {
        open(Map.of("KIOSK_IDLE_TIMEOUT_SECONDS", "15"), 1280, 800);
        driver.get(base + "/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        tap(By.cssSelector("button[form=name-form]"));
        passLeadIn();
        tapAnswer("no");
        waitForPath("/q/safety/bladder");
        WebElement dialog = driver.findElement(By.id("idle-dialog"));
        waiting(14).until(d -> dialog.isDisplayed());
        shot("idle-dialog-landscape");
        Object hidden = driver.executeScript("""
                const d = document.getElementById('idle-dialog');
                const q = document.querySelector('main h1').getBoundingClientRect();
                const over = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);
                const alpha = getComputedStyle(d).backgroundColor.match(/[\\d.]+/g);
                return d.contains(over) && (alpha.length === 3 || alpha[3] === '1');
                """);
        assertEquals(Boolean.TRUE, hidden, "the question is hidden behind the idle dialog, not just dimmed");
        tap(By.id("idle-stay"));
        assertFalse(dialog.isDisplayed());
        driver.get(base + "/q/safety/saddle-numbness");
        assertTrue(driver.findElement(By.cssSelector("button[value=no]")).getAttribute("aria-pressed").equals("true"));
    }

    /**
     * The result screen returns to the welcome screen by itself after its time (a minute at a clinic, checked
     * over HTTP; 3 seconds here), not before, and the back button finds nothing of the visit. The walk to the
     * result is the portrait one's: it is passed over HTTP here.
     */
    @Test
    void theResultScreenReturnsToTheWelcomeScreenByItselfAndTheVisitIsGone() {
        open(Map.of("KIOSK_RESULT_SCREEN_SECONDS", "3"), 1080, 1920);
        Browser b = new Browser(kiosk.app.javalin().port());
        PatientFlowTest.walk(b, "en", "Bo", Map.of(), PatientFlowTest.calmCramps());
        long shown = System.nanoTime();
        Chromium.takeOver(driver, base, b, "/done");
        String note = driver.findElement(By.id("return-note")).getText();
        assertTrue(note.matches(".*\\d+ seconds.*"), note);
        waiting(3 + 10).until(d -> path().equals("/"));
        long ms = (System.nanoTime() - shown) / 1_000_000L;
        assertTrue(ms >= 3_000, "returned after its 3 s, not before: " + ms + " ms");
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
        tap(By.cssSelector("button[form=name-form]"));
        passLeadIn();
        double before = fontSize();
        tap(By.cssSelector("form[action='/text-size'] button"));
        waitForPath("/q/safety/saddle-numbness");
        assertTrue(fontSize() >= before * 1.5, "text grew by half at least: " + before + " to " + fontSize());
        assertEquals("true", driver.findElement(By.cssSelector("form[action='/text-size'] button"))
                .getAttribute("aria-pressed"), "the toggle shows it is on");
        startAgain();
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        assertFalse(driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"),
                "the next patient starts with normal text");
    }

    @Test
    void largerTextCanBeChosenOnTheWelcomeScreenAndLastsThroughTheVisit() {
        open(Map.of(), 1280, 800);
        driver.get(base + "/");
        double before = fontSize();
        WebElement toggle = driver.findElement(By.cssSelector(".site-header button[aria-pressed]"));
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        tap(By.cssSelector(".site-header button[aria-pressed]"));
        // The toggle reloads the page: the button read may belong to the page being left.
        waiting(5).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.cssSelector(".site-header button[aria-pressed]"))
                        .getAttribute("aria-pressed")));
        assertTrue(fontSize() >= before * 1.5, "the welcome screen's text grew by half: " + before + " to " + fontSize());
        tap(By.cssSelector("form[action='/start'] button[value=es]"));
        waitForPath("/name");
        assertTrue(driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"),
                "the visit started with larger text");
        assertEquals("true", driver.findElement(By.cssSelector("form[action='/text-size'] button"))
                .getAttribute("aria-pressed"));
    }

    /**
     * Every screen of every topic, answered with its first answer: scanned by axe-core, checked for
     * tap-target size and sideways scrolling, and photographed, in portrait. The first screen of each kind
     * (the kind of answer it asks for; every screen with a topic's own illustration) is answered with a tap,
     * the others over HTTP on the same visit, as are the host's screens before the topic (the walk-through
     * tests tap those).
     */
    @Test
    void everyScreenOfEveryTopicPassesTheAccessibilityScan() throws IOException {
        open(Map.of(), 1080, 1920);
        List<String> topics = kiosk.app.host().topics().stream().map(t -> t.id()).toList();
        assertEquals(5, topics.size(), "all five topics are built and offered: " + topics);
        Set<String> tapped = new HashSet<>();
        for (String topic : topics) {
            Walker overHttp = new Walker(new Browser(kiosk.app.javalin().port())).toTopics("en", "").firstAnswers();
            Chromium.takeOver(driver, base, overHttp.b, overHttp.choose(topic));
            for (int screen = 1; screen < 40 && !path().equals("/review"); screen++) {
                waitUntilLoaded();
                String at = path();
                if (at.equals("/urgent")) {
                    tap(By.cssSelector("form[action='/urgent/carry-on'] button"));
                    waitToLeave("/urgent");
                    continue;
                }
                scan(at);
                checkTouchTargets(at);
                shot("topic-" + topic + "-" + String.format("%02d", screen) + "-" + at.substring(at.lastIndexOf('/') + 1));
                boolean illustrated = !driver.findElements(By.cssSelector("form.question.illustrated")).isEmpty();
                if (tapped.add(illustrated ? at : screenKind())) {
                    answerWithFirstChoice();
                    waiting(5).until(d -> !path().equals(at));
                } else {
                    driver.get(base + overHttp.answerOne(at));
                }
            }
            waitForPath("/review");
            scan(topic + " review");
        }
        assertEquals(List.of(), accessibilityProblems, "axe-core: serious or critical violations");
    }

    /**
     * Shaky hands: a second tap 80 to 400 ms after the first, at the same spot, on every kind of screen
     * (yes/no, one choice, several choices with Next, the 0-10 scale, a number on the keypad, an
     * information screen, the name's text field). The first tap answers the screen the patient saw; the
     * second, landing on the screen that has just loaded (or on the old one before it goes), answers nothing.
     * Each pace is a new patient, started over HTTP; the screens between those tapped are passed over HTTP.
     */
    @Test
    void aDoubleTapAnswersOnlyTheScreenThePatientSaw() throws IOException {
        open(Map.of(), 1080, 1920);
        long[] delays = {80, 150, 250, 400};
        List<String> problems = new ArrayList<>();
        for (long delay : delays) {
            Browser visit = new Browser(kiosk.app.javalin().port());
            Walker overHttp = new Walker(visit).answer("about/fact.maternity", "pregnant");
            visit.get("/");
            assertEquals("/name", Browser.location(visit.postRaw("/start", "lang", "en")));
            Chromium.takeOver(driver, base, visit, "/name");
            // A text screen (the name), then a yes/no: the next red-flag question must not be answered unseen.
            doubleTap(By.cssSelector("button[form=name-form]"), delay, "text (name)", visit, problems);
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "information screen (lead-in)",
                    visit, problems);
            doubleTap(By.cssSelector("button[name=answer][value=no]"), delay, "yes/no", visit, problems);
            // Over HTTP to the multiple choice at the end of the safety screen, then back in Chromium.
            overHttp.answerUntil(path(), "/q/safety/infection-risk");
            driver.get(base + "/q/safety/infection-risk");
            waitUntilSettled();
            driver.findElement(By.cssSelector("input[data-exclusive=true]")).findElement(By.xpath("./ancestor::label")).click();
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "multiple choice", visit, problems);
            doubleTap(By.cssSelector("button[name=answer][value='20-49']"), delay, "single choice", visit, problems);
            // Over HTTP to the number (pregnant, asked the weeks), then the keypad in Chromium.
            overHttp.answerUntil(path(), "/q/about/fact.pregnancy-weeks");
            driver.get(base + "/q/about/fact.pregnancy-weeks");
            for (char c : "12".toCharArray()) {
                tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
            }
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "number", visit, problems);
            doubleTap(By.cssSelector(".scale button[name=answer][value='3']"), delay, "0-10 scale", visit, problems);
            assertEquals("/topics", overHttp.answerFrom(path()));
            driver.get(base + overHttp.choose("cramps"));
            waitForPath("/q/cramps/intro");
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "information screen", visit, problems);
            shot("double-tap-" + delay);
        }
        assertEquals(List.of(), problems);
        assertTrue(kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty(), "nothing urgent was answered unseen");
    }

    /**
     * Taps {@code by} twice, {@code delayMs} apart, at the same spot; then checks that the kiosk moved on
     * one screen and stays there, with no answer and no error on it, and that the {@code visit} (the same
     * patient over HTTP) still waits for that screen's answer.
     */
    private void doubleTap(By by, long delayMs, String kind, Browser visit, List<String> problems) {
        waitUntilSettled();
        String from = path();
        long[] at = centre(waiting(5).until(ExpectedConditions.elementToBeClickable(by)));
        long first = System.nanoTime();
        tapAt(at[0], at[1]);
        sleepUntil(first + delayMs * 1_000_000L);
        tapAt(at[0], at[1]);
        waitToLeave(from);
        // Long enough for a second answer, had it been taken, to have moved the kiosk on again.
        sleepUntil(first + (delayMs + 800) * 1_000_000L);
        waitUntilSettled();
        String to = path();
        String page = driver.getPageSource();
        if (page.contains("aria-pressed=\"true\"") || page.contains("class=\"error\"")
                || !driver.findElements(By.cssSelector("input[type=checkbox]:checked")).isEmpty()) {
            problems.add(kind + " at " + delayMs + " ms: " + from + " -> " + to + " shows an answer or an error");
        }
        // The kiosk's own record, read without drawing the screen again (which would give it a new token): an
        // answer taken but not shown yet has moved the visit on. An information screen stores no answer, so
        // there the screen shown is the whole of it.
        if (driver.findElements(By.cssSelector("form.question.info")).isEmpty()) {
            String waiting = Browser.location(visit.get("/review"));
            if (!waiting.equals(to)) {
                problems.add(kind + " at " + delayMs + " ms: " + from + " -> " + to + " was answered unseen (the visit is at "
                        + waiting + ")");
            }
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Answers calmly until the kiosk asks {@code target}. */
    private void answerCalmlyUntil(String target) {
        for (int i = 0; i < 40 && !path().equals(target); i++) {
            String at = path();
            answerCalmly();
            waitToLeave(at);
        }
        waitForPath(target);
    }

    /**
     * An urgent answer: the number, large, and nothing else of the patient; the screen clears itself after
     * its time (20 seconds at a clinic, checked over HTTP; 8 here), not before, and the check-in waits with
     * staff, urgent and not finished.
     */
    @Test
    void anUrgentAnswerShowsOnlyTheNumberAndClearsItselfOnTime() throws IOException {
        open(Map.of("KIOSK_URGENT_SCREEN_SECONDS", "8"), 1080, 1920);
        driver.get(base + "/");
        tap(By.cssSelector("form[action='/start'] button[value=en]"));
        waitForPath("/name");
        for (char c : "Zed".toCharArray()) {
            tap(By.xpath("//div[contains(@class,'keyboard')]//button[normalize-space()='" + c + "']"));
        }
        tap(By.cssSelector("button[form=name-form]"));
        passLeadIn();
        tapAnswer("no");
        waitForPath("/q/safety/bladder");
        waitUntilSettled();
        long tapped = System.nanoTime();
        tapAnswer("yes");
        waitForPath("/urgent");
        waitUntilLoaded();
        scan("urgent");
        checkTouchTargets("urgent");
        shot("urgent-portrait");
        CheckIn stored = onlyCheckIn();
        assertTrue(stored.urgent() && !stored.finished(), "with staff before the patient has moved on");
        assertEquals(Integer.toString(stored.number()), driver.findElement(By.id("check-in-number")).getText());
        String page = driver.findElement(By.tagName("main")).getText();
        assertFalse(page.contains("Zed"), "no name: " + page);
        assertFalse(page.toLowerCase().contains("bladder"), "no finding: " + page);
        waiting(8 + 10).until(d -> path().equals("/"));
        long ms = (System.nanoTime() - tapped) / 1_000_000L;
        assertTrue(ms >= 8_000 && ms <= 14_000, "cleared itself after its 8 s, not before: " + ms + " ms");
        driver.navigate().back();
        waiting(5).until(d -> path().equals("/"));
        assertFalse(driver.getPageSource().contains("check-in-number"), "nothing left for the next person");
        assertTrue(onlyCheckIn().urgent(), "still with staff");
        assertEquals(List.of(), accessibilityProblems, "axe-core: serious or critical violations");
    }

    /** Taps the first ordinary answer of the screen (or types the smallest number), then Next if needed. */
    private void answerWithFirstChoice() {
        waitUntilSettled();
        List<WebElement> boxes = driver.findElements(By.cssSelector("input[type=checkbox][name=answer]"));
        List<WebElement> buttons = driver.findElements(By.cssSelector("button[name=answer]:not([value=''])"));
        List<WebElement> number = driver.findElements(By.cssSelector("input[type=number][name=answer]"));
        if (!boxes.isEmpty()) {
            boxes.get(0).findElement(By.xpath("./ancestor::label")).click();
            tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else if (!buttons.isEmpty()) {
            buttons.get(0).click();
        } else if (!number.isEmpty()) {
            String min = number.get(0).getAttribute("min");
            for (char c : min.toCharArray()) {
                tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
            }
            tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else {
            tap(By.cssSelector(".action-bar button.primary[type=submit], .action-bar button.skip"));
        }
    }

    private double fontSize() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize);")).doubleValue();
    }
}
