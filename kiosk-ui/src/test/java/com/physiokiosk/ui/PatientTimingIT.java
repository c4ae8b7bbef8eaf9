package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The patient's kiosk in real Chromium where time matters: a shaky second tap, the idle warning and
 * reset, "I am still here", and the urgent and result screens clearing themselves (after times set
 * short here, through the kiosk's settings). A class of its own beside {@link PatientBrowserIT}, mostly
 * waiting, so the two run side by side.
 *
 * <p>One Chromium serves the class; each test has a kiosk of its own (its own database) and a fresh tab
 * with no cookies ({@link KioskTab}). Screens a test is not about are passed over HTTP, on the same visit.
 */
@DisplayName("Patient kiosk in Chromium: timing")
class PatientTimingIT {

    @RegisterExtension
    static final ClassChromium chromium = new ClassChromium();
    private KioskTab tab;

    /**
     * Shaky hands: a second tap 80 to 400 ms after the first, at the same spot, on every kind of screen
     * (yes/no, one choice, several choices with Next, the 0-10 scale, a number on the keypad, an
     * information screen, the name's text field). The first tap answers the screen the patient saw; the
     * second, landing on the screen that has just loaded (or on the old one before it goes), answers nothing.
     * Each pace is a new patient, started over HTTP; the screens between those tapped are passed over HTTP.
     */
    @Test
    void aDoubleTapAnswersOnlyTheScreenThePatientSaw() throws IOException {
        tab = chromium.open(Map.of(), 1080, 1920);
        long[] delays = {80, 150, 250, 400};
        List<String> problems = new ArrayList<>();
        for (long delay : delays) {
            Browser visit = new Browser(tab.kiosk.app.javalin().port());
            Walker overHttp = new Walker(visit).answer("about/fact.maternity", "pregnant");
            visit.get("/");
            assertEquals("/name", Browser.location(visit.postRaw("/start", "lang", "en")));
            Chromium.takeOver(tab.driver, tab.base, visit, "/name");
            // A text screen (the name), then a yes/no: the next red-flag question must not be answered unseen.
            doubleTap(By.cssSelector("button[form=name-form]"), delay, "text (name)", visit, problems);
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "information screen (lead-in)",
                    visit, problems);
            doubleTap(By.cssSelector("button[name=answer][value=no]"), delay, "yes/no", visit, problems);
            // Over HTTP to the multiple choice at the end of the safety screen, then back in Chromium.
            overHttp.answerUntil(tab.path(), "/q/safety/infection-risk");
            tab.driver.get(tab.base + "/q/safety/infection-risk");
            tab.waitUntilSettled();
            tab.driver.findElement(By.cssSelector("input[data-exclusive=true]")).findElement(By.xpath("./ancestor::label")).click();
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "multiple choice", visit, problems);
            doubleTap(By.cssSelector("button[name=answer][value='20-49']"), delay, "single choice", visit, problems);
            // Over HTTP to the number (pregnant, asked the weeks), then the keypad in Chromium.
            overHttp.answerUntil(tab.path(), "/q/about/fact.pregnancy-weeks");
            tab.driver.get(tab.base + "/q/about/fact.pregnancy-weeks");
            for (char c : "12".toCharArray()) {
                tab.tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
            }
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "number", visit, problems);
            doubleTap(By.cssSelector(".scale button[name=answer][value='3']"), delay, "0-10 scale", visit, problems);
            assertEquals("/topics", overHttp.answerFrom(tab.path()));
            tab.driver.get(tab.base + overHttp.choose("cramps"));
            tab.waitForPath("/q/cramps/intro");
            doubleTap(By.cssSelector(".action-bar button.primary[type=submit]"), delay, "information screen", visit, problems);
            tab.shot("double-tap-" + delay);
        }
        assertEquals(List.of(), problems);
        assertTrue(tab.kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty(), "nothing urgent was answered unseen");
    }

    /**
     * Taps {@code by} twice, {@code delayMs} apart, at the same spot; then checks that the kiosk moved on
     * one screen and stays there, with no answer and no error on it, and that the {@code visit} (the same
     * patient over HTTP) still waits for that screen's answer.
     */
    private void doubleTap(By by, long delayMs, String kind, Browser visit, List<String> problems) {
        tab.waitUntilSettled();
        String from = tab.path();
        long[] at = centre(tab.waiting(5).until(ExpectedConditions.elementToBeClickable(by)));
        long first = System.nanoTime();
        tapAt(at[0], at[1]);
        sleepUntil(first + delayMs * 1_000_000L);
        tapAt(at[0], at[1]);
        tab.waitToLeave(from);
        // Long enough for a second answer, had it been taken, to have moved the kiosk on again.
        sleepUntil(first + (delayMs + 800) * 1_000_000L);
        tab.waitUntilSettled();
        String to = tab.path();
        String page = tab.driver.getPageSource();
        if (page.contains("aria-pressed=\"true\"") || page.contains("class=\"error\"")
                || !tab.driver.findElements(By.cssSelector("input[type=checkbox]:checked")).isEmpty()) {
            problems.add(kind + " at " + delayMs + " ms: " + from + " -> " + to + " shows an answer or an error");
        }
        // The kiosk's own record, read without drawing the screen again (which would give it a new token): an
        // answer taken but not shown yet has moved the visit on. An information screen stores no answer, so
        // there the screen shown is the whole of it.
        if (tab.driver.findElements(By.cssSelector("form.question.info")).isEmpty()) {
            String waiting = Browser.location(visit.get("/review"));
            if (!waiting.equals(to)) {
                problems.add(kind + " at " + delayMs + " ms: " + from + " -> " + to + " was answered unseen (the visit is at "
                        + waiting + ")");
            }
        }
    }

    /** A physical tap at a point of the screen, whatever page is there by then (Chrome DevTools input). */
    private void tapAt(long x, long y) {
        for (String type : List.of("mousePressed", "mouseReleased")) {
            tab.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y,
                    "button", "left", "clickCount", 1));
        }
    }

    /** The centre of {@code e} on the screen. */
    private long[] centre(WebElement e) {
        org.openqa.selenium.Rectangle r = e.getRect();
        Object scroll = ((JavascriptExecutor) tab.driver).executeScript("return [window.scrollX, window.scrollY];");
        List<?> xy = (List<?>) scroll;
        return new long[] {r.getX() + r.getWidth() / 2 - ((Number) xy.get(0)).longValue(),
                r.getY() + r.getHeight() / 2 - ((Number) xy.get(1)).longValue()};
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

    /**
     * A patient on a kiosk that resets after 15 s of nothing, {@code width} by {@code height}, types
     * {@code name}, answers the first safety question and leaves the next alone: returns the idle dialog,
     * once it is up (after 10 s).
     */
    private WebElement leftAloneOnTheSecondQuestion(String name, int width, int height) {
        tab = chromium.open(Map.of("KIOSK_IDLE_TIMEOUT_SECONDS", "15"), width, height);
        tab.startVisit(name);
        tab.tapAnswer("no");
        tab.waitForPath("/q/safety/bladder");
        WebElement dialog = tab.driver.findElement(By.id("idle-dialog"));
        tab.waiting(14).until(d -> dialog.isDisplayed());
        return dialog;
    }

    @Test
    void anIdleKioskWarnsThenResetsAndBackShowsNothingOfThePreviousPatient() {
        // Warned after 10 s of nothing, reset at 15 s.
        leftAloneOnTheSecondQuestion("Z", 1080, 1920);
        assertTrue(tab.driver.switchTo().activeElement().getText().contains("still here"), "focus on the button");
        tab.waiting(10).until(d -> tab.path().equals("/"));
        tab.driver.navigate().back();
        tab.waiting(5).until(d -> !tab.path().startsWith("/q/") || !tab.driver.getPageSource().contains("aria-pressed=\"true\""));
        assertFalse(tab.driver.getPageSource().contains("aria-pressed=\"true\""), "no earlier answer visible");
        assertEquals("/", tab.path(), "back lands on the welcome screen, the visit is gone");
        // The visit's screens replaced one another in the history: one more back leaves the kiosk's pages (the test's
        // blank tab; a kiosk's browser has nothing before its start page), or shows the welcome screen again.
        tab.driver.navigate().back();
        String before = tab.driver.getCurrentUrl();
        assertTrue(before.equals(tab.base + "/") || before.equals("about:blank"), "nothing of the visit: " + before);
        // The screen answered, asked for by its address: the visit is gone, and with it the answer.
        tab.driver.get(tab.base + "/q/safety/saddle-numbness");
        assertEquals("/", tab.path(), "sent to the welcome screen");
        assertFalse(tab.driver.getPageSource().contains("aria-pressed=\"true\""), "no earlier answer visible");
        assertTrue(tab.kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty(), "nothing stored");
    }

    @Test
    void tappingImStillHereKeepsTheAnswers() throws IOException {
        WebElement dialog = leftAloneOnTheSecondQuestion("", 1280, 800);
        tab.shot("idle-dialog-landscape");
        Object hidden = tab.driver.executeScript("""
                const d = document.getElementById('idle-dialog');
                const q = document.querySelector('main h1').getBoundingClientRect();
                const over = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);
                const alpha = getComputedStyle(d).backgroundColor.match(/[\\d.]+/g);
                return d.contains(over) && (alpha.length === 3 || alpha[3] === '1');
                """);
        assertEquals(Boolean.TRUE, hidden, "the question is hidden behind the idle dialog, not just dimmed");
        tab.tap(By.id("idle-stay"));
        assertFalse(dialog.isDisplayed());
        tab.driver.get(tab.base + "/q/safety/saddle-numbness");
        assertTrue(tab.driver.findElement(By.cssSelector("button[value=no]")).getAttribute("aria-pressed").equals("true"));
    }

    /**
     * An urgent answer: the number, large, and nothing else of the patient; the screen clears itself after
     * its time (20 seconds at a clinic, checked over HTTP; 8 here), not before, and the check-in waits with
     * staff, urgent and not finished.
     */
    @Test
    void anUrgentAnswerShowsOnlyTheNumberAndClearsItselfOnTime() throws IOException {
        tab = chromium.open(Map.of("KIOSK_URGENT_SCREEN_SECONDS", "8"), 1080, 1920);
        tab.startVisit("Zed");
        tab.tapAnswer("no");
        tab.waitForPath("/q/safety/bladder");
        tab.waitUntilSettled();
        long tapped = System.nanoTime();
        tab.tapAnswer("yes");
        tab.waitForPath("/urgent");
        tab.waitUntilLoaded();
        tab.scan("urgent");
        tab.checkTouchTargets("urgent");
        tab.shot("urgent-portrait");
        CheckIn stored = tab.onlyCheckIn();
        assertTrue(stored.urgent() && !stored.finished(), "with staff before the patient has moved on");
        assertEquals(Integer.toString(stored.number()), tab.driver.findElement(By.id("check-in-number")).getText());
        String page = tab.driver.findElement(By.tagName("main")).getText();
        assertFalse(page.contains("Zed"), "no name: " + page);
        assertFalse(page.toLowerCase().contains("bladder"), "no finding: " + page);
        tab.waiting(8 + 10).until(d -> tab.path().equals("/"));
        long ms = (System.nanoTime() - tapped) / 1_000_000L;
        assertTrue(ms >= 8_000 && ms <= 14_000, "cleared itself after its 8 s, not before: " + ms + " ms");
        tab.driver.navigate().back();
        tab.waiting(5).until(d -> tab.path().equals("/"));
        assertFalse(tab.driver.getPageSource().contains("check-in-number"), "nothing left for the next person");
        assertTrue(tab.onlyCheckIn().urgent(), "still with staff");
        assertEquals(List.of(), tab.accessibilityProblems, "axe-core: serious or critical violations");
    }

    /**
     * The result screen returns to the welcome screen by itself after its time (a minute at a clinic, checked
     * over HTTP; 3 seconds here), not before, and the back button finds nothing of the visit. The walk to the
     * result is the portrait one's: it is passed over HTTP here.
     */
    @Test
    void theResultScreenReturnsToTheWelcomeScreenByItselfAndTheVisitIsGone() {
        tab = chromium.open(Map.of("KIOSK_RESULT_SCREEN_SECONDS", "3"), 1080, 1920);
        Browser b = new Browser(tab.kiosk.app.javalin().port());
        PatientFlowTest.walk(b, "en", "Bo", Map.of(), PatientFlowTest.calmCramps());
        long shown = System.nanoTime();
        Chromium.takeOver(tab.driver, tab.base, b, "/done");
        String note = tab.driver.findElement(By.id("return-note")).getText();
        assertTrue(note.matches(".*\\d+ seconds.*"), note);
        tab.waiting(3 + 10).until(d -> tab.path().equals("/"));
        long ms = (System.nanoTime() - shown) / 1_000_000L;
        assertTrue(ms >= 3_000, "returned after its 3 s, not before: " + ms + " ms");
        tab.driver.navigate().back();
        tab.waiting(5).until(d -> tab.path().equals("/"));
        assertFalse(tab.driver.getPageSource().contains("check-in-number"), "the result is gone");
        assertFalse(tab.driver.getPageSource().contains("Bo"), "nothing of the patient");
    }
}
