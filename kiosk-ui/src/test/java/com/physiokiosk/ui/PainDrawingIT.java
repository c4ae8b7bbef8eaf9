package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Facts;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The pain drawing in Chromium, on the portrait kiosk (1080x1920) and the landscape tablet (1280x800): every region
 * can be tapped with a finger (in the whole body or in one of the enlarged parts a square of at least 48 CSS px
 * lies inside it, and a tap there lands on that region and nothing else); a tap marks a region and another unmarks
 * it, in every view it appears in; "your left" and "your right" sit over each figure on the right sides; the list
 * alternative works with the keyboard alone; axe finds nothing; and what was marked is what the kiosk stores.
 * Screenshots go to {@code target/screenshots/drawing/}.
 */
@DisplayName("The pain drawing in Chromium: targets, taps, zoom, the list, the keyboard")
class PainDrawingIT {

    private static final Path SHOTS = Path.of("target", "screenshots", "drawing");
    private static final String DRAWING = "/q/about/" + Facts.PAIN_AREAS;

    @RegisterExtension
    static final ClassChromium chromium = new ClassChromium();

    @Test
    @DisplayName("every region is a target of 48 px or more, somewhere, at both sizes, and a tap there lands on it")
    void everyRegionIsATarget() {
        KioskTab tab = chromium.open(Map.of(), 1080, 1920);
        toDrawing(tab, "en");
        List<String> problems = new ArrayList<>();
        for (int[] size : List.of(new int[] {1080, 1920}, new int[] {1280, 800})) {
            resize(tab, size[0], size[1]);
            Map<String, Double> best = new LinkedHashMap<>();
            for (BodyMap.Zoom zoom : BodyMap.get().zooms()) {
                showZoom(tab, zoom.id());
                shot(tab, size[0] + "x" + size[1] + "-" + zoom.id());
                problems.addAll(Chromium.axeViolations(tab.driver, size[0] + "x" + size[1] + " " + zoom.id()));
                for (BodyMap.Region r : BodyMap.get().regions()) {
                    Rectangle2D square = BodyMap.largestSquare(r.shape());
                    // Where the centre of the region's largest square is on screen, and how big the square is there,
                    // in each window of this view that shows the region; and what a tap there lands on.
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> found = (List<Map<String, Object>>) js(tab, """
                            const [zoom, id, x, y, side] = arguments;
                            const out = [];
                            document.querySelectorAll('[data-zoom-view="' + zoom + '"] use[data-region="' + id + '"]')
                              .forEach(use => {
                                const svg = use.ownerSVGElement;
                                const m = svg.getScreenCTM();
                                const p = new DOMPoint(x, y).matrixTransform(m);
                                const box = svg.getBoundingClientRect();
                                const inside = p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom
                                    && p.y >= 0 && p.y <= innerHeight;
                                const hit = inside ? document.elementFromPoint(p.x, p.y) : null;
                                out.push({px: side * m.a, inside: inside,
                                          hit: hit && hit.getAttribute ? hit.getAttribute('data-region') : null});
                              });
                            return out;
                            """, zoom.id(), r.id(), square.getCenterX(), square.getCenterY(), square.getWidth());
                    for (Map<String, Object> f : found) {
                        if (!Boolean.TRUE.equals(f.get("inside"))) {
                            continue;
                        }
                        if (!r.id().equals(f.get("hit"))) {
                            problems.add(size[0] + "x" + size[1] + " " + zoom.id() + ": a tap inside " + r.id()
                                    + " lands on " + f.get("hit"));
                            continue;
                        }
                        best.merge(r.id(), ((Number) f.get("px")).doubleValue(), Math::max);
                    }
                }
            }
            for (BodyMap.Region r : BodyMap.get().regions()) {
                double px = best.getOrDefault(r.id(), 0.0);
                if (px < 48) {
                    problems.add(size[0] + "x" + size[1] + ": " + r.id() + " is at best a " + Math.round(px)
                            + " px target");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("tap to mark, tap again to unmark, in the whole body and enlarged; what is marked is stored")
    void tapToMarkAndUnmark() {
        KioskTab tab = chromium.open(Map.of(), 1280, 800);
        Browser b = toDrawing(tab, "en");
        tapRegion(tab, "whole", "back-left-low-back");
        tapRegion(tab, "whole", "back-right-low-back");
        tapRegion(tab, "whole", "front-right-chest");
        assertMarked(tab, List.of("front-right-chest", "back-right-low-back", "back-left-low-back"));
        tapRegion(tab, "whole", "front-right-chest");
        assertMarked(tab, List.of("back-right-low-back", "back-left-low-back"));
        tapRegion(tab, "hands", "back-left-hand");
        tapRegion(tab, "feet", "front-right-ankle");
        showZoom(tab, "whole");
        assertMarked(tab, List.of("front-right-ankle", "back-right-low-back", "back-left-low-back", "back-left-hand"));
        assertTrue(tab.driver.findElement(By.cssSelector("[data-zoom-view=whole] use[data-region=back-left-hand]"))
                .getAttribute("class").contains("marked"), "a region marked in a zoom is shaded in the whole body too");
        String said = tab.driver.findElement(By.id("marked-list")).getText();
        assertEquals("Marked (4): Front of the ankle, your right; Low back, your right; Low back, your left;"
                + " Back of the hand, your left", said, "named as the patient reads them, in the map's order");
        shot(tab, "marked-1280x800");
        resize(tab, 1080, 1920);
        shot(tab, "marked-1080x1920");
        waitUntilSettled(tab);
        tab.driver.findElement(By.cssSelector(".action-bar button.primary")).click();
        Chromium.waiting(tab.driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/topics"));
        // What the kiosk keeps is what the patient marked, in the map's order.
        Walker w = new Walker(b);
        assertEquals("/review", w.answerFrom(w.choose("sleep")));
        w.send();
        CheckIn stored = tab.kiosk.app.checkIns().find(
                tab.kiosk.app.checkIns().idsForDay(java.time.LocalDate.now()).get(0)).orElseThrow();
        StoredAnswer drawing = stored.topics().stream().flatMap(t -> t.answers().stream())
                .filter(a -> a.linkId().equals(Facts.PAIN_AREAS)).findFirst().orElseThrow();
        assertEquals(List.of("front-right-ankle", "back-right-low-back", "back-left-low-back", "back-left-hand"),
                drawing.values());
    }

    @Test
    @DisplayName("a shaky double tap marks a region once; a tap after a moment unmarks it")
    void doubleTap() {
        KioskTab tab = chromium.open(Map.of(), 1080, 1920);
        toDrawing(tab, "en");
        tapRegion(tab, "whole", "back-right-calf");
        // The second tap of a double tap, at once, on the same place.
        new Actions(tab.driver).click().perform();
        assertMarked(tab, List.of("back-right-calf"));
        tapRegion(tab, "whole", "back-right-calf");
        assertMarked(tab, List.of());
    }

    @Test
    @DisplayName("the list alternative: the keyboard alone marks a region, and the drawing shows it; in Spanish too")
    void theListWithTheKeyboard() {
        KioskTab tab = chromium.open(Map.of(), 1080, 1920);
        toDrawing(tab, "es");
        WebElement summary = tab.driver.findElement(By.cssSelector(".region-list > summary"));
        assertEquals("Elegir de una lista", summary.getText());
        waitUntilSettled(tab);
        summary.sendKeys(Keys.ENTER);
        WebElement box = tab.driver.findElement(By.cssSelector("input[name=answer][value=back-right-calf]"));
        Chromium.waiting(tab.driver, Duration.ofSeconds(5)).until(d -> box.isDisplayed() || box.getRect().width > 0);
        // Tab from the summary through the list to the right calf, as a keyboard or switch user would.
        for (int i = 0; i < 200 && !box.equals(tab.driver.switchTo().activeElement()); i++) {
            tab.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(box, tab.driver.switchTo().activeElement(), "the list is reached with Tab");
        box.sendKeys(Keys.SPACE);
        assertTrue(box.isSelected());
        assertTrue(tab.driver.findElement(By.cssSelector("[data-zoom-view=whole] use[data-region=back-right-calf]"))
                .getAttribute("class").contains("marked"), "the drawing shows what the list marked");
        assertTrue(tab.driver.findElement(By.id("marked-list")).getText().contains("Pantorrilla, su lado derecho"));
        List<String> axe = Chromium.axeViolations(tab.driver, "list open");
        shot(tab, "list-es-1080x1920");
        assertEquals(List.of(), axe);
    }

    @Test
    @DisplayName("'your right' and 'your left' over each figure: the front mirrored, the back not")
    void sidesAreMarkedPlainly() {
        KioskTab tab = chromium.open(Map.of(), 1080, 1920);
        toDrawing(tab, "en");
        List<WebElement> captions = tab.driver.findElements(By.cssSelector("[data-zoom-view=whole] figcaption"));
        assertEquals(2, captions.size());
        assertEquals(List.of("Front", "Your right", "Your left"), parts(captions.get(0)));
        assertEquals(List.of("Back", "Your left", "Your right"), parts(captions.get(1)));
        // And the geometry agrees: the front's "your right" regions are on the viewer's left.
        Number frontRightX = (Number) js(tab, "return document.querySelector('[data-zoom-view=whole] "
                + "use[data-region=front-right-hand]').getBoundingClientRect().x;");
        Number frontLeftX = (Number) js(tab, "return document.querySelector('[data-zoom-view=whole] "
                + "use[data-region=front-left-hand]').getBoundingClientRect().x;");
        assertTrue(frontRightX.doubleValue() < frontLeftX.doubleValue());
        Number backLeftX = (Number) js(tab, "return document.querySelector('[data-zoom-view=whole] "
                + "use[data-region=back-left-hand]').getBoundingClientRect().x;");
        Number backRightX = (Number) js(tab, "return document.querySelector('[data-zoom-view=whole] "
                + "use[data-region=back-right-hand]').getBoundingClientRect().x;");
        assertTrue(backLeftX.doubleValue() < backRightX.doubleValue());
        showZoom(tab, "hands");
        List<String> handCaptions = tab.driver.findElements(By.cssSelector("[data-zoom-view=hands] figcaption"))
                .stream().map(c -> String.join(" ", parts(c))).toList();
        assertEquals(List.of("Front Your right", "Front Your left", "Back Your left", "Back Your right"),
                handCaptions);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The view, then the side at the left edge and at the right (one side for a window on one side). */
    private static List<String> parts(WebElement caption) {
        List<String> out = new ArrayList<>();
        out.add(caption.findElement(By.tagName("strong")).getText());
        caption.findElements(By.cssSelector(".edge")).forEach(e -> out.add(e.getText()));
        return out;
    }

    /** A patient walked over HTTP to the pain drawing, then shown it in Chromium. */
    private static Browser toDrawing(KioskTab tab, String lang) {
        Browser b = new Browser(tab.kiosk.app.javalin().port());
        Walker w = new Walker(b);
        w.answerUntil(w.start(lang, "Ana"), DRAWING);
        Chromium.takeOver(tab.driver, tab.base, b, DRAWING);
        return b;
    }

    private static void resize(KioskTab tab, int width, int height) {
        tab.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private static void showZoom(KioskTab tab, String zoom) {
        waitUntilSettled(tab);
        tab.driver.findElement(By.cssSelector(".zoom-bar [data-zoom=" + zoom + "]")).click();
        Chromium.waiting(tab.driver, Duration.ofSeconds(5)).until(d -> d.findElement(
                By.cssSelector("[data-zoom-view=" + zoom + "]")).isDisplayed());
    }

    /** A real pointer tap in the middle of {@code regionId}'s largest square, in the zoom {@code zoom}. */
    private static void tapRegion(KioskTab tab, String zoom, String regionId) {
        showZoom(tab, zoom);
        // Two taps on one region within 400 ms are one shaky double tap (see doubleTap): these are deliberate.
        pause(450);
        BodyMap.Region r = BodyMap.get().region(regionId).orElseThrow();
        Rectangle2D square = BodyMap.largestSquare(r.shape());
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) js(tab, """
                const [zoom, id, x, y] = arguments;
                const use = document.querySelector('[data-zoom-view="' + zoom + '"] use[data-region="' + id + '"]');
                const pt = new DOMPoint(x, y).matrixTransform(use.ownerSVGElement.getScreenCTM());
                return {x: Math.round(pt.x), y: Math.round(pt.y)};
                """, zoom, regionId, square.getCenterX(), square.getCenterY());
        int x = ((Number) p.get("x")).intValue();
        int y = ((Number) p.get("y")).intValue();
        new Actions(tab.driver).moveToLocation(x, y).click().perform();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertMarked(KioskTab tab, List<String> expected) {
        @SuppressWarnings("unchecked")
        List<String> checked = (List<String>) js(tab, "return Array.from(document.querySelectorAll("
                + "'input[name=answer]:checked')).map(b => b.value);");
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(checked));
        @SuppressWarnings("unchecked")
        List<String> shaded = (List<String>) js(tab, "return Array.from(new Set(Array.from(document.querySelectorAll("
                + "'use.region.marked')).map(u => u.getAttribute('data-region'))));");
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(shaded), "every copy shaded, no other");
    }

    private static void waitUntilSettled(KioskTab tab) {
        Chromium.waiting(tab.driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(js(tab,
                "return document.readyState === 'complete' && document.body.dataset.ready === 'yes';")));
    }

    private static Object js(KioskTab tab, String script, Object... args) {
        return ((JavascriptExecutor) tab.driver).executeScript(script, args);
    }

    private static void shot(KioskTab tab, String name) {
        Chromium.screenshot(tab.driver, SHOTS, name);
    }
}
