package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every kind of patient screen, in both languages, on the three screens clinics use (a 1080x1920 portrait
 * kiosk, a 1280x800 landscape tablet, an 800x1280 portrait tablet), and with larger text on a landscape
 * tablet: the main action is in view without scrolling, every target is at least 48x48 CSS pixels, text is
 * at least 20 px, nothing scrolls sideways, and axe-core finds no WCAG 2.2 A/AA violation. Each screen is
 * photographed to {@code target/screenshots/screens/} for a reviewer.
 *
 * <p>The screens are reached over HTTP with the test {@link Walker} (fast), and the session is handed to
 * Chromium by its cookie; each distinct screen is then looked at once per size and language. One Chromium
 * serves both tests, each with a kiosk of its own and a fresh tab.
 */
@DisplayName("Every patient screen in Chromium, at three sizes and in both languages")
class PatientScreensIT {

    private static final Path SHOTS = Path.of("target", "screenshots", "screens");

    /** A screen clinics use: its CSS pixel size and a short name for screenshots. */
    record Size(String name, int width, int height) {
    }

    static final Size PORTRAIT = new Size("portrait-1080x1920", 1080, 1920);
    static final Size LANDSCAPE = new Size("landscape-1280x800", 1280, 800);
    static final Size TABLET = new Size("tablet-800x1280", 800, 1280);

    @RegisterExtension
    static final ClassChromium chromium = new ClassChromium();
    private KioskTab tab;
    private final List<String> problems = new ArrayList<>();
    private final List<String> looked = new ArrayList<>();
    /** Each screen's weight, one table line each. */
    private final List<String> weighed = new ArrayList<>();
    /** A screen has loaded the assets: from then on they come from the cache. */
    private boolean assetsLoaded;

    private void open() {
        open(Map.of());
    }

    private void open(Map<String, String> env) {
        tab = chromium.open(env, LANDSCAPE.width(), LANDSCAPE.height());
    }

    @Test
    void everyScreenAtEverySizeInBothLanguages() {
        open();
        List<Size> sizes = List.of(PORTRAIT, LANDSCAPE, TABLET);
        for (String lang : List.of("en", "es")) {
            visitEveryScreen(lang, false, sizes);
        }
        report(3 * (2 * SCREENS + 1));
    }

    /** With a clinic's own logo and a long name in the header, too. */
    @Test
    void everyScreenWithLargerTextOnALandscapeTablet() throws IOException {
        open(Map.of("KIOSK_CLINIC_NAME", "Clínica de Fisioterapia y Rehabilitación San Rafael"));
        tab.kiosk.app.settings().setLogo(logo(), "admin");
        for (String lang : List.of("en", "es")) {
            visitEveryScreen(lang, true, List.of(LANDSCAPE));
        }
        report(2 * SCREENS + 1);
    }

    /** How many screens {@link #visitEveryScreen} looks at per language, the welcome screen aside. */
    private static final int SCREENS = 20;

    private void report(int expected) {
        assertEquals(List.of(), problems, "problems on the patient screens");
        assertEquals(expected, looked.size(), "screens looked at: " + looked);
    }

    // ---- the walk --------------------------------------------------------------------------------

    /**
     * Every kind of patient screen in {@code lang}: welcome (shows every language, so only with the first),
     * name (and its error), the safety screen's lead-in (an information screen), yes/no, several answers,
     * one answer, a number (and its error), the 0-10 scale, the pain drawing, the topic list, an illustrated
     * question, leaving a topic part-way, a topic's information screen, the review, a question opened from it with "Change" (its
     * answer chosen), "Start again?", a message page, the result, and the urgent screen.
     */
    private void visitEveryScreen(String lang, boolean large, List<Size> sizes) {
        String tag = lang + (large ? "-large" : "");
        if (lang.equals("en")) {
            tab.driver.manage().deleteAllCookies();
            tab.driver.get(tab.base + "/" + (large ? "?text=large" : ""));
            look("00-welcome", tag, sizes, large);
        }

        Browser b = new Browser(tab.kiosk.app.javalin().port());
        Walker w = new Walker(b).answer("about/fact.maternity", "pregnant").answer("sleep/pain-timing", "activity");
        b.get("/");
        HttpResponse<String> started = large ? b.postRaw("/start", "lang", lang, "text", "large")
                : b.postRaw("/start", "lang", lang);
        assertEquals("/name", Browser.location(started));
        inChromium(b, "/name");
        look("01-name", tag, sizes, large);
        tab.driver.executeScript("document.getElementById('name').value = 'R2-D2';");
        tap(By.cssSelector("button[form=name-form]"));
        waitFor(d -> !tab.driver.findElements(By.id("name-error")).isEmpty());
        look("02-name-error", tag, sizes, large);

        b.get("/name");
        String next = Browser.location(b.post("/name", "name", "Ana"));
        assertEquals("/q/safety/lead-in", next, "the safety screen opens with its lead-in");
        inChromium(b, next);
        look("03-info-safety-lead-in", tag, sizes, large);

        showNext(w, next, "/q/safety/saddle-numbness");
        look("04-yes-no", tag, sizes, large);
        showNext(w, "/q/safety/saddle-numbness", "/q/safety/infection-risk");
        tap(By.cssSelector("label.tile.exclusive"));
        waitFor(d -> !tab.driver.findElements(By.cssSelector("input[data-exclusive=true]:checked")).isEmpty());
        look("05-multi-choice", tag, sizes, large);
        showNext(w, "/q/safety/infection-risk", "/q/about/fact.age-band");
        look("06-single-choice", tag, sizes, large);
        showNext(w, "/q/about/fact.age-band", "/q/about/fact.pregnancy-weeks");
        look("07-number", tag, sizes, large);
        waitUntilSettled();
        for (char c : "99".toCharArray()) {
            tap(By.xpath("//div[contains(@class,'keypad')]//button[normalize-space()='" + c + "']"));
        }
        tap(By.cssSelector(".action-bar button.primary"));
        waitFor(d -> !tab.driver.findElements(By.id("answer-error")).isEmpty());
        look("08-number-error", tag, sizes, large);
        showNext(w, "/q/about/fact.pregnancy-weeks", "/q/about/fact.peg-pain");
        look("09-scale", tag, sizes, large);

        showNext(w, "/q/about/fact.peg-pain", "/q/about/fact.pain-areas");
        look("09b-pain-drawing", tag, sizes, large);
        assertEquals("/topics", w.answerFrom("/q/about/fact.pain-areas"));
        inChromium(b, "/topics");
        look("10-topics", tag, sizes, large);
        String sleep = w.choose("sleep");
        w.answerUntil(sleep, "/q/sleep/position");
        inChromium(b, "/q/sleep/position");
        look("11-illustrated", tag, sizes, large);

        tab.driver.get(tab.base + "/topics");
        tap(By.cssSelector("button[name=topic][value=cramps]"));
        waitFor(d -> !tab.driver.findElements(By.cssSelector("input[name=confirm][value=leave]")).isEmpty());
        look("12-leave-topic", tag, sizes, large);
        tap(By.cssSelector(".action-bar button.primary"));
        waitFor(d -> tab.driver.getCurrentUrl().endsWith("/q/cramps/intro"));
        look("13-info-topic", tag, sizes, large);

        assertEquals("/review", w.answerFrom("/q/cramps/intro"));
        inChromium(b, "/review");
        look("14-review", tag, sizes, large);
        tab.driver.get(tab.base + "/q/safety/bladder?from=review");
        assertEquals(tab.base + "/review", tab.driver.findElement(By.cssSelector(".action-bar .back")).getAttribute("href"));
        look("14b-change-from-review", tag, sizes, large);
        tab.driver.get(tab.base + "/start-again?back=/review");
        look("15-start-again", tag, sizes, large);
        tab.driver.get(tab.base + "/q/no-such-topic/question");
        look("16-message", tag, sizes, large);
        w.send();
        inChromium(b, "/done");
        look("17-result", tag, sizes, large);

        // Another patient, whose first safety answer is a red flag.
        Browser urgent = new Browser(tab.kiosk.app.javalin().port());
        urgent.get("/");
        if (large) {
            urgent.postRaw("/start", "lang", lang, "text", "large");
        } else {
            urgent.postRaw("/start", "lang", lang);
        }
        urgent.get("/name");
        urgent.post("/name", "name", "");
        assertEquals("/urgent", new Walker(urgent).answer("safety/saddle-numbness", "yes")
                .answerUntil("/q/safety/lead-in", "/urgent").uri().getPath());
        inChromium(urgent, "/urgent");
        look("18-urgent", tag, sizes, large);
    }

    /** Answers calmly from {@code from} on until the kiosk asks {@code target}, then shows it in Chromium. */
    private void showNext(Walker w, String from, String target) {
        w.answerUntil(from, target);
        tab.driver.get(tab.base + target);
    }

    /** Chromium takes over the visit of {@code b} and opens {@code path}. */
    private void inChromium(Browser b, String path) {
        Chromium.takeOver(tab.driver, tab.base, b, path);
    }

    // ---- what is checked on each screen ----------------------------------------------------------

    /** Looks at the screen in Chromium at each size: photographs it and checks it. */
    private void look(String screen, String tag, List<Size> sizes, boolean large) {
        for (Size size : sizes) {
            tab.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width(),
                    "height", size.height(), "deviceScaleFactor", 1, "mobile", false));
            String name = size.name() + "-" + tag + "-" + screen;
            looked.add(name);
            shot(name);
            inView(name);
            targetsAndText(name, large);
            axe(name);
            // The page was loaded for the first size; the others only resize it.
            boolean loaded = size.equals(sizes.get(0));
            weight(name, screen, loaded, loaded && tag.equals("en"));
            if (screen.endsWith("review") && size.equals(PORTRAIT) && !large) {
                Number screens = (Number) js("const m = document.querySelector('main');"
                        + "return (m.scrollHeight + document.querySelector('.site-header').offsetHeight"
                        + " + document.querySelector('.action-bar').offsetHeight) / window.innerHeight;");
                if (screens.doubleValue() > 1.5) {
                    problems.add(name + ": the review is " + screens + " screens tall, more than one and a half");
                }
            }
        }
    }

    /**
     * The main action (the bar's main button, or the first answer where the answers are the buttons) is
     * wholly in view and not covered, the page itself does not scroll, and nothing scrolls sideways.
     */
    private void inView(String name) {
        Object problem = js("""
                const main = document.querySelector('.action-bar .primary')
                    || document.querySelector('main .tile, main .topic-tile');
                if (!main) return 'no main action';
                const r = main.getBoundingClientRect();
                if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)
                  return 'main action out of view: ' + main.textContent.trim() + ' at ' + JSON.stringify(r);
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                if (!hit || !(hit === main || main.contains(hit)))
                  return 'main action covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing');
                const bar = document.querySelector('.action-bar');
                if (bar && bar.getBoundingClientRect().bottom > innerHeight + 0.5) return 'bottom bar out of view';
                if (document.scrollingElement.scrollHeight > innerHeight + 1) return 'the page itself scrolls';
                if (document.documentElement.scrollWidth > innerWidth) return 'the page scrolls sideways';
                const m = document.querySelector('main');
                if (m.scrollWidth > m.clientWidth + 1) return 'the screen scrolls sideways';
                return null;
                """);
        if (problem != null) {
            problems.add(name + ": " + problem);
        }
    }

    /**
     * The page's weight, and what it asked the network for: the one render-blocking request is the style sheet
     * (scripts are deferred); once the first screen has loaded the assets, the others take them from the cache
     * without a request (hashed names, kept a year). The first size of each English screen goes into
     * {@code target/page-weight.md}.
     */
    @SuppressWarnings("unchecked")
    private void weight(String name, String screen, boolean loaded, boolean record) {
        Map<String, Object> w = (Map<String, Object>) js("""
                const nav = performance.getEntriesByType('navigation')[0];
                const res = performance.getEntriesByType('resource');
                const of = ext => res.filter(r => new URL(r.name).pathname.startsWith('/assets/')
                    && new URL(r.name).pathname.endsWith(ext));
                const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
                return {
                  html: nav.decodedBodySize, css: sum(of('.css'), 'decodedBodySize'), js: sum(of('.js'), 'decodedBodySize'),
                  fetched: res.filter(r => new URL(r.name).pathname.startsWith('/assets/') && r.transferSize > 0)
                      .map(r => new URL(r.name).pathname),
                  blocking: res.filter(r => r.renderBlockingStatus === 'blocking').map(r => new URL(r.name).pathname)
                };
                """);
        List<String> blocking = (List<String>) w.get("blocking");
        if (!blocking.isEmpty() && !blocking.equals(List.of(com.physiokiosk.ui.view.Assets.url("kiosk.css")))) {
            problems.add(name + ": render-blocking requests besides the style sheet: " + blocking);
        }
        List<String> fetched = (List<String>) w.get("fetched");
        if (loaded && assetsLoaded && !fetched.isEmpty()) {
            problems.add(name + ": assets fetched again instead of from the cache: " + fetched);
        }
        assetsLoaded = true;
        if (record && weighed.stream().noneMatch(line -> line.startsWith("| " + screen + " "))) {
            weighed.add("| " + screen + " | " + w.get("html") + " | " + w.get("css") + " | " + w.get("js") + " |");
            try {
                java.nio.file.Files.createDirectories(Path.of("target"));
                java.nio.file.Files.writeString(Path.of("target", "page-weight.md"),
                        "| screen (English, 1080x1920) | HTML bytes | CSS bytes | JS bytes |\n|---|---|---|---|\n"
                                + String.join("\n", weighed) + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Every target at least 48x48 CSS px; every text at least 20 px (on the screen, 30 px with larger text). */
    private void targetsAndText(String name, boolean large) {
        Object small = js("""
                return Array.from(document.querySelectorAll(
                    'a, button, summary, select, textarea, label.tile, input:not([type=hidden]):not(label.tile input)'))
                  .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                  .map(e => [e, e.getBoundingClientRect()])
                  .filter(p => p[1].width < 47.5 || p[1].height < 47.5)
                  .map(p => (p[0].textContent.trim() || p[0].outerHTML).slice(0, 40)
                      + ' ' + Math.round(p[1].width) + 'x' + Math.round(p[1].height));
                """);
        if (!((List<?>) small).isEmpty()) {
            problems.add(name + ": targets under 48x48 px: " + small);
        }
        Object tiny = js("""
                const min = arguments[0];
                const out = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const e = n.parentElement;
                  if (!n.textContent.trim() || !e || e.closest('.visually-hidden, .skip-link, [hidden], script')) continue;
                  if (e.getClientRects().length === 0) continue;
                  const size = parseFloat(getComputedStyle(e).fontSize);
                  // The header and the step names are the kiosk's frame: at least 20 px always; the screen itself
                  // grows with larger text.
                  if (size < (e.closest('.site-header, .steps') ? 19.5 : min)) out.push(n.textContent.trim().slice(0, 30) + ' ' + size + 'px');
                }
                return out.slice(0, 8);
                """, large ? 29.5 : 19.5);
        if (!((List<?>) tiny).isEmpty()) {
            problems.add(name + ": text under " + (large ? 30 : 20) + " px: " + tiny);
        }
    }

    private void axe(String name) {
        problems.addAll(Chromium.axeViolations(tab.driver, name));
    }

    private void shot(String name) {
        Chromium.screenshot(tab.driver, SHOTS, name);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A clinic's logo: a wide coloured badge, as clinics upload them. */
    private static byte[] logo() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(240, 96,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x8a, 0x2b, 0x5e));
        g.fillRoundRect(0, 0, 240, 96, 30, 30);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(24, 18, 60, 60);
        g.fillRect(104, 30, 112, 12);
        g.fillRect(104, 56, 80, 12);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) tab.driver).executeScript(script, args);
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        Chromium.waiting(tab.driver, Duration.ofSeconds(5)).until(condition::apply);
    }

    /** The screen has settled: the kiosk ignores taps in its first moments. */
    private void waitUntilSettled() {
        waitFor(d -> Boolean.TRUE.equals(js(
                "return document.readyState === 'complete' && document.body.dataset.ready === 'yes';")));
    }

    private void tap(By by) {
        waitUntilSettled();
        tab.driver.findElement(by).click();
    }
}
