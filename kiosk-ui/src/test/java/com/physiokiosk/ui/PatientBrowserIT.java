package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The patient's kiosk in real Chromium: taps, the on-screen keyboard, both languages, the urgent message,
 * larger text, and an axe-core scan of each kind of screen and of every topic's screens. Where time
 * matters (a double tap, the idle reset, screens that clear themselves): {@link PatientTimingIT}.
 *
 * <p>One Chromium serves the class; each test has a kiosk of its own (its own database) and a fresh tab
 * with no cookies ({@link KioskTab}). Screens a test is not about are passed over HTTP, on the same visit.
 */
@DisplayName("Patient kiosk in Chromium")
class PatientBrowserIT {

    @RegisterExtension
    static final ClassChromium chromium = new ClassChromium();
    private KioskTab tab;

    /**
     * From the welcome screen to the result, tapping like a patient. Scans and photographs each kind of screen.
     * Of the safety screen and About you, the first screen of each kind is tapped (and the red flag, if any);
     * a screen of a kind already tapped is passed over HTTP, on the same visit. Every cramps screen is tapped.
     */
    private void walkThrough(String language, String name, String safetyYes, Map<String, List<String>> cramps,
                             String shotPrefix) throws IOException {
        tab.driver.get(tab.base + "/");
        tab.scan("welcome");
        tab.checkTouchTargets("welcome");
        tab.shot(shotPrefix + "-01-welcome");
        tab.tap(By.cssSelector("form[action='/start'] button[value='" + language + "']"));
        tab.waitForPath("/name");
        WebElement field = tab.driver.findElement(By.id("name"));
        assertEquals("none", field.getAttribute("inputmode"), "no system keyboard over ours");
        for (char c : name.toCharArray()) {
            String label = String.valueOf(c).toUpperCase();
            tab.tap(By.xpath("//div[contains(@class,'keyboard')]//button[translate(normalize-space(), 'abcdefghijklmnopqrstuvwxyzñáéíóú', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÑÁÉÍÓÚ')='" + label + "']"));
        }
        assertEquals(name, field.getAttribute("value"), "typed with the on-screen keyboard, capital first");
        tab.scan("name");
        tab.shot(shotPrefix + "-02-name");
        tab.tap(By.cssSelector("button[form=name-form]"));
        // Wait for the next screen itself: read at once, the address can still be the name screen's.
        tab.waitToLeave("/name");
        // The safety screen and About you, one question per screen.
        Walker overHttp = new Walker(tab.sameVisitOverHttp());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            tab.waitUntilLoaded();
            String at = tab.path();
            if (at.equals("/urgent")) {
                tab.scan("urgent");
                tab.checkTouchTargets("urgent");
                tab.shot(shotPrefix + "-03-urgent");
                tab.tap(By.cssSelector("form[action='/urgent/carry-on'] button"));
                tab.waitToLeave(at);
                continue;
            }
            if (!at.startsWith("/q/safety/") && !at.startsWith("/q/about/")) {
                break;
            }
            String kind = at.substring(0, at.lastIndexOf('/')) + ":" + screenKind();
            boolean redFlag = at.equals("/q/safety/" + safetyYes);
            if (seen.add(kind)) {
                tab.scan(kind);
                tab.checkTouchTargets(kind);
                tab.shot(shotPrefix + "-03-" + kind.replaceAll("[^a-z]+", "-"));
            } else if (!redFlag) {
                tab.driver.get(tab.base + overHttp.answerOne(at));
                continue;
            }
            if (redFlag) {
                tab.tapAnswer("yes");
            } else {
                answerCalmly();
            }
            tab.waitToLeave(at);
        }
        tab.waitForPath("/topics");
        tab.scan("topics");
        tab.checkTouchTargets("topics");
        tab.shot(shotPrefix + "-04-topics");
        tab.tap(By.cssSelector("button[name=topic][value=cramps]"));
        for (Map.Entry<String, List<String>> e : cramps.entrySet()) {
            tab.waitForPath("/q/cramps/" + e.getKey());
            tab.waitUntilLoaded();
            String type = e.getKey();
            tab.scan("cramps " + type);
            tab.checkTouchTargets("cramps " + type);
            tab.shot(shotPrefix + "-05-" + type);
            if (e.getValue().isEmpty()) {
                tab.tap(By.cssSelector(".action-bar button.primary[type=submit]"));
                continue;
            }
            boolean multi = !tab.driver.findElements(By.cssSelector("input[type=checkbox][name=answer]")).isEmpty();
            for (String v : e.getValue()) {
                tab.tapAnswer(v);
            }
            if (multi) {
                tab.tap(By.cssSelector(".action-bar button.primary[type=submit]"));
            }
        }
        tab.waitForPath("/review");
        tab.scan("review");
        tab.checkTouchTargets("review");
        tab.shot(shotPrefix + "-06-review");
        tab.tap(By.cssSelector("form[action='/submit'] button"));
        tab.waitForPath("/done");
        tab.waitUntilLoaded();
        tab.scan("result");
        tab.shot(shotPrefix + "-07-result");
    }

    /** What kind of answer the screen asks for: one of each is looked at closely, and named in screenshots. */
    private String screenKind() {
        if (!tab.driver.findElements(By.cssSelector("form.question.info")).isEmpty()) {
            return "info";
        }
        if (!tab.driver.findElements(By.cssSelector("input[type=checkbox]")).isEmpty()) {
            return "multi";
        }
        if (!tab.driver.findElements(By.cssSelector(".scale")).isEmpty()) {
            return "scale";
        }
        if (!tab.driver.findElements(By.cssSelector("input[type=number]")).isEmpty()) {
            return "number";
        }
        if (!tab.driver.findElements(By.cssSelector("button[name=answer][value=no]")).isEmpty()) {
            return "yes-no";
        }
        return "choice";
    }

    /**
     * Answers the question on screen calmly, as a patient would: "no", "none of these", the first choice,
     * 3 on a scale, the smallest number on the keypad; then Next where the screen has one.
     */
    private void answerCalmly() {
        tab.waitUntilSettled();
        List<WebElement> exclusive = tab.driver.findElements(By.cssSelector("input[type=checkbox][data-exclusive=true]"));
        List<WebElement> boxes = tab.driver.findElements(By.cssSelector("input[type=checkbox][name=answer]"));
        List<WebElement> no = tab.driver.findElements(By.cssSelector("button[name=answer][value=no]"));
        List<WebElement> scale = tab.driver.findElements(By.cssSelector(".scale button[name=answer][value='3']"));
        List<WebElement> number = tab.driver.findElements(By.cssSelector("input[type=number][name=answer]"));
        List<WebElement> choices = tab.driver.findElements(By.cssSelector("button[name=answer]:not([value=''])"));
        if (!boxes.isEmpty()) {
            WebElement box = exclusive.isEmpty() ? boxes.get(0) : exclusive.get(0);
            box.findElement(By.xpath("./ancestor::label")).click();
            tab.tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else if (!no.isEmpty()) {
            no.get(0).click();
        } else if (!scale.isEmpty()) {
            scale.get(0).click();
        } else if (!number.isEmpty()) {
            for (char c : number.get(0).getAttribute("min").toCharArray()) {
                tab.tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
            }
            tab.tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else if (!choices.isEmpty()) {
            choices.get(0).click();
        } else {
            tab.tap(By.cssSelector(".action-bar button.primary[type=submit], .action-bar button.skip"));
        }
    }

    @Test
    void aPatientCompletesTheCrampsTopicInEnglishOnAPortraitKiosk() throws IOException {
        tab = chromium.open(Map.of(), 1080, 1920);
        walkThrough("en", "Ana", null, PatientFlowTest.calmCramps(), "portrait-en");
        assertTrue(tab.driver.findElement(By.id("check-in-number")).getText().equals("1"));
        assertTrue(tab.driver.getPageSource().contains("While you wait"), "advice shown");
        assertFalse(tab.driver.getPageSource().contains("Please speak to reception now"));
        assertEquals("Ana", tab.onlyCheckIn().displayName());
        assertEquals(List.of(), tab.accessibilityProblems, "axe-core: serious or critical violations");
    }

    @Test
    void aPatientAnswersInSpanishOnALandscapeTabletAndARedFlagShowsTheUrgentMessage() throws IOException {
        tab = chromium.open(Map.of(), 1280, 800);
        walkThrough("es", "José", "both-legs", PatientFlowTest.calmCramps(), "landscape-es");
        String page = tab.driver.getPageSource();
        assertTrue(page.contains("Hable con recepción ahora"), "urgent message in Spanish");
        assertFalse(page.contains("José"), "no name on the urgent screen");
        assertFalse(page.contains("Mientras espera"), "no advice for an urgent visit");
        assertTrue(tab.driver.findElement(By.cssSelector(".urgent")).isDisplayed());
        CheckIn stored = tab.onlyCheckIn();
        assertTrue(stored.urgent());
        assertEquals("es", stored.language());
        assertEquals(List.of(), tab.accessibilityProblems, "axe-core: serious or critical violations");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) tab.driver).executeScript(script);
    }

    /**
     * The patient's next screen is swapped into the page on show (htmx): the same document, with the new screen's
     * language, keyboard labels, title and address, no entry added to the history and no copy of a screen kept in
     * the browser's storage, the keyboard's focus on the new screen's heading. The reset for the next patient, and
     * a kiosk that cannot be reached, load a page of their own.
     */
    @Test
    void theNextScreenIsSwappedInAndTheNextPatientGetsANewPage() {
        tab = chromium.open(Map.of(), 1080, 1920);
        tab.driver.get(tab.base + "/");
        tab.waitUntilSettled();
        js("window.sameDocument = 'yes';");
        long history = (Long) js("return history.length;");
        String welcomeTitle = tab.driver.getTitle();
        tab.tap(By.cssSelector("form[action='/start'] button[value=es]"));
        tab.waitForPath("/name");
        tab.waitUntilSettled();
        assertEquals("yes", js("return window.sameDocument || null;"), "the name screen came without a new page");
        assertEquals("es", js("return document.documentElement.lang;"), "the page's language is the new screen's");
        assertEquals("Espacio", js("return document.body.dataset.kbSpace;"), "the keyboard's labels are Spanish");
        assertTrue(tab.driver.findElement(By.cssSelector(".keyboard")).getText().contains("Espacio"),
                "the on-screen keyboard is set up on the swapped-in screen, in Spanish");
        assertFalse(welcomeTitle.equals(tab.driver.getTitle()), "the title is the new screen's: " + welcomeTitle);
        assertEquals(history, (Long) js("return history.length;"), "the address replaced: nothing to go back to");
        assertEquals("H1", js("return document.activeElement.tagName;"), "the focus on the new screen's heading");

        tab.tap(By.xpath("//div[contains(@class,'keyboard')]//button[normalize-space()='A']"));
        tab.tap(By.cssSelector("button[form=name-form]"));
        tab.waitForPath("/q/safety/lead-in");
        tab.tap(By.cssSelector("form[action='/text-size'] button"));
        tab.waiting(5).until(d -> Boolean.TRUE.equals(js("return document.body.classList.contains('large-text')"
                + " && document.documentElement.classList.contains('large-text');")));
        tab.waitForPath("/q/safety/lead-in");
        assertEquals("yes", js("return window.sameDocument || null;"), "larger text without a new page too");
        tab.passLeadIn();
        assertEquals("yes", js("return window.sameDocument || null;"));
        assertEquals(history, (Long) js("return history.length;"));
        assertEquals(null, js("return sessionStorage.getItem('htmx-history-cache')"
                + " || localStorage.getItem('htmx-history-cache');"), "no copy of a screen kept by the browser");
        // The skip link adds a place in the page to the history: Back to it loads the screen as a page, set up whole.
        tab.waitUntilSettled();
        String at = tab.path();
        js("document.querySelector('.skip-link').click();");
        assertEquals(at + "#main", tab.path());
        tab.driver.navigate().back();
        tab.waiting(5).until(d -> js("return window.sameDocument || null;") == null);
        tab.waitUntilSettled();
        assertEquals(at, tab.path());
        assertTrue(tab.driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"));

        tab.tap(By.cssSelector(".site-header a[href^='/start-again']"));
        tab.waitForPathPrefix("/start-again");
        tab.tap(By.cssSelector("form[action='/reset'] button"));
        tab.waitForPath("/");
        tab.waitUntilLoaded();
        assertEquals(null, js("return window.sameDocument || null;"), "the next patient's welcome is a new page");
        assertFalse(tab.driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"));

        // The kiosk gone (a restart, say): the tap loads the screen again as a page, and the browser says why.
        tab.tap(By.cssSelector("form[action='/start'] button[value=en]"));
        tab.waitForPath("/name");
        tab.waitUntilSettled();
        tab.kiosk.app.javalin().stop();
        tab.tap(By.xpath("//div[contains(@class,'keyboard')]//button[normalize-space()='A']"));
        tab.tap(By.cssSelector("button[form=name-form]"));
        tab.waiting(10).ignoring(org.openqa.selenium.WebDriverException.class).until(d ->
                d.getPageSource().contains("ERR_CONNECTION_REFUSED"));
    }

    @Test
    void theLargerTextToggleEnlargesTheTextForThisPatientOnly() {
        tab = chromium.open(Map.of(), 1080, 1920);
        tab.startVisit("");
        double before = fontSize();
        tab.tap(By.cssSelector("form[action='/text-size'] button"));
        // The toggle swaps the same screen in again: the button read may belong to the screen being left.
        tab.waiting(5).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.cssSelector("form[action='/text-size'] button"))
                        .getAttribute("aria-pressed")));
        tab.waitForPath("/q/safety/saddle-numbness");
        assertTrue(fontSize() >= before * 1.5, "text grew by half at least: " + before + " to " + fontSize());
        assertEquals("true", tab.driver.findElement(By.cssSelector("form[action='/text-size'] button"))
                .getAttribute("aria-pressed"), "the toggle shows it is on");
        tab.startAgain();
        tab.tap(By.cssSelector("form[action='/start'] button[value=en]"));
        tab.waitForPath("/name");
        assertFalse(tab.driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"),
                "the next patient starts with normal text");
    }

    @Test
    void largerTextCanBeChosenOnTheWelcomeScreenAndLastsThroughTheVisit() {
        tab = chromium.open(Map.of(), 1280, 800);
        tab.driver.get(tab.base + "/");
        double before = fontSize();
        WebElement toggle = tab.driver.findElement(By.cssSelector(".site-header button[aria-pressed]"));
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        tab.tap(By.cssSelector(".site-header button[aria-pressed]"));
        // The toggle reloads the page: the button read may belong to the page being left.
        tab.waiting(5).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.cssSelector(".site-header button[aria-pressed]"))
                        .getAttribute("aria-pressed")));
        assertTrue(fontSize() >= before * 1.5, "the welcome screen's text grew by half: " + before + " to " + fontSize());
        tab.tap(By.cssSelector("form[action='/start'] button[value=es]"));
        tab.waitForPath("/name");
        assertTrue(tab.driver.findElement(By.tagName("body")).getAttribute("class").contains("large-text"),
                "the visit started with larger text");
        assertEquals("true", tab.driver.findElement(By.cssSelector("form[action='/text-size'] button"))
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
        tab = chromium.open(Map.of(), 1080, 1920);
        List<String> topics = tab.kiosk.app.host().topics().stream().map(t -> t.id()).toList();
        assertEquals(5, topics.size(), "all five topics are built and offered: " + topics);
        Set<String> tapped = new HashSet<>();
        for (String topic : topics) {
            Walker overHttp = new Walker(new Browser(tab.kiosk.app.javalin().port())).toTopics("en", "").firstAnswers();
            Chromium.takeOver(tab.driver, tab.base, overHttp.b, overHttp.choose(topic));
            for (int screen = 1; screen < 40 && !tab.path().equals("/review"); screen++) {
                tab.waitUntilLoaded();
                String at = tab.path();
                if (at.equals("/urgent")) {
                    tab.tap(By.cssSelector("form[action='/urgent/carry-on'] button"));
                    tab.waitToLeave("/urgent");
                    continue;
                }
                tab.scan(at);
                tab.checkTouchTargets(at);
                tab.shot("topic-" + topic + "-" + String.format("%02d", screen) + "-" + at.substring(at.lastIndexOf('/') + 1));
                boolean illustrated = !tab.driver.findElements(By.cssSelector("form.question.illustrated")).isEmpty();
                if (tapped.add(illustrated ? at : screenKind())) {
                    answerWithFirstChoice();
                    tab.waiting(5).until(d -> !tab.path().equals(at));
                } else {
                    tab.driver.get(tab.base + overHttp.answerOne(at));
                }
            }
            tab.waitForPath("/review");
            tab.scan(topic + " review");
        }
        assertEquals(List.of(), tab.accessibilityProblems, "axe-core: serious or critical violations");
    }

    /** Taps the first ordinary answer of the screen (or types the smallest number), then Next if needed. */
    private void answerWithFirstChoice() {
        tab.waitUntilSettled();
        List<WebElement> boxes = tab.driver.findElements(By.cssSelector("input[type=checkbox][name=answer]"));
        List<WebElement> buttons = tab.driver.findElements(By.cssSelector("button[name=answer]:not([value=''])"));
        List<WebElement> number = tab.driver.findElements(By.cssSelector("input[type=number][name=answer]"));
        if (!boxes.isEmpty()) {
            boxes.get(0).findElement(By.xpath("./ancestor::label")).click();
            tab.tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else if (!buttons.isEmpty()) {
            buttons.get(0).click();
        } else if (!number.isEmpty()) {
            String min = number.get(0).getAttribute("min");
            for (char c : min.toCharArray()) {
                tab.tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
            }
            tab.tap(By.cssSelector(".action-bar button.primary[type=submit]"));
        } else {
            tab.tap(By.cssSelector(".action-bar button.primary[type=submit], .action-bar button.skip"));
        }
    }

    private double fontSize() {
        return ((Number) ((JavascriptExecutor) tab.driver).executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize);")).doubleValue();
    }
}
