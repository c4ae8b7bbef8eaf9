package com.physiokiosk.engine.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.BodyAreas.Side;
import com.physiokiosk.api.BodyAreas.View;
import com.physiokiosk.engine.i18n.Languages;
import java.awt.geom.Area;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The body map: regions that tile the figures, no overlaps, each reachable, named and coded")
class BodyMapTest {

    private final BodyMap map = BodyMap.get();

    @Test
    @DisplayName("it draws exactly the API's 74 regions, 37 a side, in the API's order")
    void theApisRegions() {
        assertEquals(74, BodyAreas.REGIONS.size());
        assertEquals(BodyAreas.REGIONS, map.regions().stream().map(BodyMap.Region::id).toList());
        for (Side side : Side.values()) {
            assertEquals(37, map.regions().stream().filter(r -> r.side() == side).count());
        }
        assertEquals(36, map.regions(View.FRONT).size());
        assertEquals(38, map.regions(View.BACK).size());
    }

    @Test
    @DisplayName("no two regions overlap, and each lies inside its figure")
    void noOverlaps() {
        List<BodyMap.Region> all = map.regions();
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                BodyMap.Region a = all.get(i);
                BodyMap.Region b = all.get(j);
                if (a.view() != b.view()) {
                    continue;
                }
                Area both = new Area(a.shape());
                both.intersect(new Area(b.shape()));
                double shared = area(both);
                if (shared > 0.01) {
                    overlaps.add(a.id() + " and " + b.id() + " share " + shared);
                }
            }
            Rectangle2D box = all.get(i).bounds();
            assertTrue(box.getMinX() >= 0 && box.getMaxX() <= BodyMap.WIDTH && box.getMinY() >= 0
                    && box.getMaxY() <= BodyMap.HEIGHT, all.get(i).id() + " lies outside the figure: " + box);
        }
        assertEquals(List.of(), overlaps);
    }

    @Test
    @DisplayName("every region is reachable: a square of at least 11 units lies inside it, and its centre hits only it")
    void everyRegionReachable() {
        for (BodyMap.Region r : map.regions()) {
            Rectangle2D square = BodyMap.largestSquare(r.shape());
            assertTrue(square.getWidth() >= 11, r.id() + ": largest square " + square.getWidth());
            List<String> hit = map.regions(r.view()).stream()
                    .filter(o -> o.contains(square.getCenterX(), square.getCenterY())).map(BodyMap.Region::id).toList();
            assertEquals(List.of(r.id()), hit, "a tap in the middle of " + r.id());
        }
    }

    @Test
    @DisplayName("the patient's right is on the viewer's left from the front, and on the right from the back")
    void mirrorOfTheFront() {
        for (BodyMap.Region r : map.regions()) {
            double x = r.bounds().getCenterX();
            boolean viewersLeft = x < BodyMap.WIDTH / 2;
            boolean expected = r.view() == View.FRONT ? r.side() == Side.RIGHT : r.side() == Side.LEFT;
            assertEquals(expected, viewersLeft, r.id() + " at x " + x);
        }
    }

    @Test
    @DisplayName("every part is enlarged in exactly one zoom, whose windows hold its regions whole")
    void zooms() {
        assertEquals("whole", map.zooms().get(0).id());
        Set<String> seen = new HashSet<>();
        for (BodyMap.Zoom z : map.zooms().subList(1, map.zooms().size())) {
            for (String part : z.parts()) {
                assertTrue(seen.add(part), part + " is in two zooms");
            }
            for (BodyMap.Region r : map.regions()) {
                if (!z.parts().contains(r.part())) {
                    continue;
                }
                boolean whole = z.cells().stream().anyMatch(c -> c.view() == r.view()
                        && new Rectangle2D.Double(c.x(), c.y(), c.width(), c.height()).contains(r.bounds()));
                assertTrue(whole, r.id() + " is not whole in any window of " + z.id());
            }
        }
        Set<String> parts = new HashSet<>(BodyAreas.FRONT_PARTS);
        parts.addAll(BodyAreas.BACK_PARTS);
        assertEquals(parts, seen);
    }

    @Test
    @DisplayName("names in every language say the side; Michigan areas all reached; SNOMED CT codes well formed")
    void namesAndCodes() {
        for (String language : Languages.SUPPORTED) {
            Set<String> labels = new HashSet<>();
            for (BodyMap.Region r : map.regions()) {
                for (String label : List.of(map.label(r.id(), language), map.patientLabel(r.id(), language))) {
                    assertFalse(label.contains("body."), r.id() + " has no " + language + " name: " + label);
                    assertTrue(labels.add(label), "two regions named " + label + " in " + language);
                }
            }
        }
        assertEquals("Calf, left", map.label("back-left-calf", "en"), "in records: the patient's side");
        assertEquals("Pantorrilla, izquierda", map.label("back-left-calf", "es"));
        assertEquals("Calf, your left", map.patientLabel("back-left-calf", "en"), "to the patient: their side");
        assertEquals("Pantorrilla, su lado izquierdo", map.patientLabel("back-left-calf", "es"));
        Set<String> michigan = new HashSet<>();
        map.regions().forEach(r -> michigan.add(r.michigan()));
        assertEquals(new HashSet<>(MichiganAreas.AREAS), michigan, "every Michigan area, and only those");
        assertEquals(35, MichiganAreas.AREAS.size());
        assertEquals(3, map.michiganAreas(List.of("back-left-low-back", "back-right-sacroiliac", "back-left-buttock",
                "front-right-shin")), "the lower back, the left buttock, the right lower leg");
        for (BodyMap.Region r : map.regions()) {
            if (r.snomed() != null) {
                assertTrue(r.snomed().code().matches("[1-9][0-9]{5,17}"), r.id() + ": " + r.snomed());
            }
        }
        assertEquals("82169009", map.region("front-left-knee").orElseThrow().snomed().code());
        assertEquals("6757004", map.region("back-right-knee").orElseThrow().snomed().code());
    }

    @Test
    @DisplayName("the SVG path of a region is its shape")
    void pathsAreShapes() {
        BodyMap.Region r = map.region("back-left-low-back").orElseThrow();
        assertTrue(r.path().startsWith("M") && r.path().endsWith("Z"), r.path());
        assertFalse(r.path().contains(","), "plain numbers with a dot, whatever the locale");
    }

    /** The area of a shape made of straight and curved segments, by flattening and the shoelace formula. */
    private static double area(Area a) {
        double total = 0;
        double[] c = new double[6];
        double startX = 0;
        double startY = 0;
        double x = 0;
        double y = 0;
        for (PathIterator it = a.getPathIterator(null, 0.05); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    startX = x = c[0];
                    startY = y = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    total += x * c[1] - c[0] * y;
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    total += x * startY - startX * y;
                    x = startX;
                    y = startY;
                }
                default -> {
                }
            }
        }
        return Math.abs(total / 2);
    }
}
