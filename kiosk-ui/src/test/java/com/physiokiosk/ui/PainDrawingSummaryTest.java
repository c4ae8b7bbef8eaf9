package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.BodyAreas.View;
import com.physiokiosk.api.Facts;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.checkin.CheckIn;
import io.javalin.testtools.JavalinTest;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pain drawing on the staff summary, its printout and its PDF: the figures drawn from the body map's own regions
 * with exactly the marked ones shaded, the count of regions and Michigan areas, the names; in the PDF the same text,
 * and in its rendered image the marked regions shaded where the map puts them and the others not.
 */
@DisplayName("The pain drawing on the summary and in the PDF: shaded regions, count, names")
class PainDrawingSummaryTest {

    private static final List<String> MARKED = List.of("back-left-low-back", "back-right-low-back", "back-left-thigh",
            "back-left-calf", "front-right-hand");
    /** The fill of a marked region and of an unmarked one, as staff/figure.jte gives them. */
    private static final int SHADED = 0xc2410c;
    private static final int PLAIN = 0xe5e9ef;

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private CheckIn visit(int port) {
        Walker w = new Walker(new Browser(port)).answer("about/" + Facts.PAIN_AREAS, MARKED.toArray(String[]::new));
        assertEquals("/topics", w.answerFrom(w.start("en", "Ana")));
        assertEquals("/review", w.answerFrom(w.choose("sleep")));
        w.send();
        return kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
    }

    @Test
    @DisplayName("both legs on the drawing is a red flag at once: the urgent screen, staff alerted, the drawing flagged")
    void bothLegsIsUrgentAtOnce() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            w.answerUntil(w.start("en", "Ana"), "/q/about/" + Facts.PAIN_AREAS);
            HttpResponse<String> sent = b.post("/q/about/" + Facts.PAIN_AREAS, "answer", "back-left-calf",
                    "answer", "front-right-thigh", "answer", "back-left-low-back");
            assertEquals("/urgent", Browser.location(sent), "the urgent screen, not the topic list");
            CheckIn c = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            assertTrue(c.urgent(), "stored as urgent before the next screen");
            assertEquals(List.of("drawing-both-legs"), c.findings().stream()
                    .filter(f -> f.severity() == com.physiokiosk.api.Severity.URGENT).map(f -> f.ruleId()).toList());
            String page = TestKiosk.admin(server.port()).page("/staff/check-ins/" + c.publicId()).body();
            assertTrue(page.contains("<section class=\"drawing red-flag\">"), "the drawing marked as the red flag's answer");
            assertTrue(page.contains("Pain drawing: pain marked on both legs"));
        });
    }

    @Test
    @DisplayName("a region not on the map is refused with a message, and the regions marked are kept on screen")
    void aRegionNotOnTheMapIsRefused() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            w.answerUntil(w.start("en", "Ana"), "/q/about/" + Facts.PAIN_AREAS);
            HttpResponse<String> sent = b.post("/q/about/" + Facts.PAIN_AREAS, "answer", "back-left-calf",
                    "answer", "back-left-tail");
            assertEquals(400, sent.statusCode());
            assertTrue(sent.body().contains("id=\"answer-error\""), "the reason, on the drawing");
            assertTrue(sent.body().contains("value=\"back-left-calf\" checked"), "the calf still marked");
            assertTrue(sent.body().contains("data-region=\"back-left-calf\" class=\"region marked\""));
            assertTrue(kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty(), "nothing stored");
        });
    }

    @Test
    @DisplayName("the summary draws both figures with exactly the marked regions shaded, the count and the names")
    void onTheSummary() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = visit(server.port());
            String page = TestKiosk.admin(server.port()).page("/staff/check-ins/" + c.publicId()).body();
            assertTrue(page.contains("<h2>Pain drawing</h2>"), page);
            List<String> shaded = new ArrayList<>();
            List<String> drawn = new ArrayList<>();
            Matcher m = Pattern.compile("data-region=\"([a-z-]+)\" data-marked=\"(yes|no)\"").matcher(page);
            while (m.find()) {
                drawn.add(m.group(1));
                if (m.group(2).equals("yes")) {
                    shaded.add(m.group(1));
                }
            }
            assertEquals(74, drawn.size(), "every region of both figures");
            assertEquals(BodyMap.get().inOrder(MARKED), shaded);
            assertTrue(page.contains("5 regions marked, in 4 of the 35 Michigan Body Map areas"), page);
            assertTrue(page.contains("Palm and fingers, right · Low back, right · Low back, left"
                    + " · Back of the thigh, left · Calf, left"), "the names, the patient's sides, in the map's order");
            assertTrue(page.contains("<strong>Front</strong><br/><span class=\"edge\">Right</span> | <span class=\"edge\">Left</span>"),
                    "the front figure's sides as a clinician reads them: the patient's right on the left");
            // The findings the drawing raised: one leg below the knee (CONSULT) and widespread pain (a note).
            assertTrue(page.contains("Pain drawing: pain below the knee in one leg only"), "the CONSULT finding");
            assertTrue(page.contains("Pain drawing: widespread pain"), "the note");
        });
    }

    @Test
    @DisplayName("the PDF says the count and the names, and its picture shades the marked regions where they are")
    void inThePdf() throws IOException {
        byte[][] body = new byte[1][];
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = visit(server.port());
            HttpResponse<byte[]> r = TestKiosk.admin(server.port()).bytes("/staff/check-ins/" + c.publicId() + "/pdf");
            assertEquals(200, r.statusCode());
            body[0] = r.body();
        });
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "summary-drawing.pdf"), body[0]);
        try (PDDocument pdf = Loader.loadPDF(body[0])) {
            assertEquals(1, pdf.getNumberOfPages(), "still one page");
            String text = SummaryTest.flat(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("Pain drawing"), text);
            assertTrue(text.contains("5 regions marked, in 4 of the 35 Michigan Body Map areas"), text);
            assertTrue(text.contains("Calf, left"), text);
            assertTrue(text.contains("Front") && text.contains("Back") && text.contains("Right | Left"), text);

            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
            javax.imageio.ImageIO.write(image, "png", Path.of("target", "summary-drawing.png").toFile());
            List<Rectangle2D> figures = figures(image);
            assertEquals(2, figures.size(), "two figures, front and back: " + figures);
            List<String> problems = new ArrayList<>();
            for (BodyMap.Region r : BodyMap.get().regions()) {
                Rectangle2D figure = figures.get(r.view() == View.FRONT ? 0 : 1);
                Rectangle2D map = mapBounds(r.view());
                Rectangle2D square = BodyMap.largestSquare(r.shape());
                int x = (int) Math.round(figure.getX() + (square.getCenterX() - map.getX()) * figure.getWidth() / map.getWidth());
                int y = (int) Math.round(figure.getY() + (square.getCenterY() - map.getY()) * figure.getHeight() / map.getHeight());
                int expected = MARKED.contains(r.id()) ? SHADED : PLAIN;
                int found = image.getRGB(x, y) & 0xffffff;
                if (distance(found, expected) > 40) {
                    problems.add(r.id() + " at " + x + "," + y + " is " + Integer.toHexString(found)
                            + ", expected " + Integer.toHexString(expected));
                }
            }
            assertEquals(List.of(), problems);
        }
    }

    /** The bounds of the map's regions of one view, in map units. */
    private static Rectangle2D mapBounds(View view) {
        Rectangle2D out = null;
        for (BodyMap.Region r : BodyMap.get().regions(view)) {
            out = out == null ? r.bounds() : out.createUnion(r.bounds());
        }
        return out;
    }

    /**
     * The two figures in the picture: the rows dense with pixels filled as a region is (a stray table rule of a
     * similar grey is one row, not a band), then the boxes of those pixels either side of the widest gap.
     */
    private static List<Rectangle2D> figures(BufferedImage image) {
        int[] perRow = new int[image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (filled(image.getRGB(x, y))) {
                    perRow[y]++;
                }
            }
        }
        // The band with the most filled pixels, gaps of a few rows (a region's edge) bridged.
        int bestTop = 0;
        int bestBottom = -1;
        long bestTotal = 0;
        for (int y = 0; y < perRow.length; y++) {
            if (perRow[y] < 3) {
                continue;
            }
            int top = y;
            int bottom = y;
            long total = 0;
            int gap = 0;
            for (; y < perRow.length && gap <= 4; y++) {
                if (perRow[y] >= 3) {
                    bottom = y;
                    total += perRow[y];
                    gap = 0;
                } else {
                    gap++;
                }
            }
            if (total > bestTotal) {
                bestTotal = total;
                bestTop = top;
                bestBottom = bottom;
            }
        }
        List<int[]> points = new ArrayList<>();
        for (int y = bestTop; y <= bestBottom; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (filled(image.getRGB(x, y))) {
                    points.add(new int[] {x, y});
                }
            }
        }
        int[] xs = points.stream().mapToInt(p -> p[0]).sorted().distinct().toArray();
        int split = xs[0];
        int widest = 0;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] - xs[i - 1] > widest) {
                widest = xs[i] - xs[i - 1];
                split = xs[i];
            }
        }
        List<Rectangle2D> out = new ArrayList<>();
        for (boolean left : new boolean[] {true, false}) {
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            for (int[] p : points) {
                if ((p[0] < split) == left) {
                    minX = Math.min(minX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxX = Math.max(maxX, p[0]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
            if (maxX >= 0) {
                out.add(new Rectangle2D.Double(minX, minY, maxX - minX + 1, maxY - minY + 1));
            }
        }
        return out;
    }

    private static boolean filled(int argb) {
        int rgb = argb & 0xffffff;
        return distance(rgb, PLAIN) < 6 || distance(rgb, SHADED) < 6;
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }
}
