package com.physiokiosk.engine.body;

import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.BodyAreas.Side;
import com.physiokiosk.api.BodyAreas.View;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kiosk's own body map: a front and a back figure, each region of {@link BodyAreas#REGIONS} a shape in one
 * coordinate space ({@value #WIDTH} wide, {@value #HEIGHT} high, y downwards), with its label, its Michigan Body
 * Map area and its SNOMED CT body structure where one fits. The patient's drawing, the staff summary, the printout,
 * the PDF and the FHIR export all read this one map.
 *
 * <p>The figure is built from a few plain shapes (a head, a neck, a trunk, an arm and a leg, the last two mirrored)
 * cut along lines into regions; every region is what is left of its cut after the regions drawn before it, so no
 * two regions overlap whatever the lines. On the front the patient's right is on the viewer's left; on the back
 * it is the other way round.
 */
public final class BodyMap {

    /** Width of each figure in map units. */
    public static final double WIDTH = 200;
    /** Height of each figure in map units. */
    public static final double HEIGHT = 500;
    private static final double MID = WIDTH / 2;

    private static final MessageBundle TEXTS = MessageBundle.load("the body map", BodyMap.class.getClassLoader(),
            "com/physiokiosk/engine/body/messages");

    /**
     * One region of the map.
     *
     * @param id       the id, as in {@link BodyAreas#REGIONS}
     * @param shape    its outline in map units (a copy: the map's own stays as it is)
     * @param path     the same outline as SVG path data
     * @param michigan the Michigan Body Map area it lies in (see {@link MichiganAreas})
     * @param snomed   the SNOMED CT body structure that fits it, or {@code null} where none does
     */
    public record Region(String id, View view, Side side, String part, Shape shape, String path, String michigan,
                         Snomed snomed) {

        @Override
        public Shape shape() {
            return new Path2D.Double(shape);
        }

        /** Where it lies, in map units. */
        public Rectangle2D bounds() {
            return shape.getBounds2D();
        }

        /** Whether its shape holds the point. */
        public boolean contains(double x, double y) {
            return shape.contains(x, y);
        }
    }

    /** A SNOMED CT concept: its id and its preferred term. */
    public record Snomed(String code, String display) {
    }

    /**
     * A part of the figure shown enlarged: a window on one view, in map units. {@code leftEdge} and
     * {@code rightEdge} are the patient's side at the window's left and right edges, for marking "your left" and
     * "your right" plainly; a window on one side only names that side at both.
     */
    public record Cell(View view, double x, double y, double width, double height, Side leftEdge, Side rightEdge) {

        /** The SVG viewBox of the window. */
        public String viewBox() {
            return number(x) + " " + number(y) + " " + number(width) + " " + number(height);
        }
    }

    /**
     * A way of looking at the map: the whole body, or a part of it enlarged (hands, feet…).
     *
     * @param parts the parts it enlarges (every part is in exactly one zoom); empty for the whole body
     */
    public record Zoom(String id, Set<String> parts, List<Cell> cells) {
    }

    private final List<Region> regions;
    private final Map<String, Region> byId;
    private final Map<String, Integer> orderOf;
    private final List<Zoom> zooms;

    private BodyMap() {
        List<Region> all = new ArrayList<>();
        for (View view : View.values()) {
            all.addAll(build(view));
        }
        // The API's order: front then back, the patient's right before their left, parts head to foot.
        Map<String, Region> index = new LinkedHashMap<>();
        all.forEach(r -> index.put(r.id(), r));
        List<Region> ordered = new ArrayList<>();
        for (String id : BodyAreas.REGIONS) {
            Region r = index.get(id);
            if (r == null) {
                throw new IllegalStateException("The body map draws no region " + id);
            }
            ordered.add(r);
        }
        if (index.size() != BodyAreas.REGIONS.size()) {
            throw new IllegalStateException("The body map draws regions the API does not name");
        }
        this.regions = List.copyOf(ordered);
        this.byId = Map.copyOf(index);
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            order.put(ordered.get(i).id(), i);
        }
        this.orderOf = Map.copyOf(order);
        this.zooms = buildZooms();
    }

    /** The map. */
    public static BodyMap get() {
        return Holder.MAP;
    }

    /** Built on first use, after the shapes below. */
    private static final class Holder {
        static final BodyMap MAP = new BodyMap();
    }

    /** Every region, in the order of {@link BodyAreas#REGIONS}. */
    public List<Region> regions() {
        return regions;
    }

    /** The regions drawn on {@code view}. */
    public List<Region> regions(View view) {
        return regions.stream().filter(r -> r.view() == view).toList();
    }

    /** The place of region {@code id} in {@link #regions()} (the API's order), or -1. */
    public int order(String id) {
        return orderOf.getOrDefault(id, -1);
    }

    /** The region with this id. */
    public Optional<Region> region(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The whole body first, then each part that can be shown enlarged. */
    public List<Zoom> zooms() {
        return zooms;
    }

    /** The map's texts: region names, sides, views and zooms. */
    public static MessageBundle texts() {
        return TEXTS;
    }

    /**
     * How a region is named in a record, for staff, in {@code language}: "Back of the knee, left", the side being the
     * patient's own, as clinicians read it.
     */
    public String label(String regionId, String language) {
        return name(regionId, language, "body.side.");
    }

    /** How a region is named to the patient, in {@code language}: "Back of the knee, your left". */
    public String patientLabel(String regionId, String language) {
        return name(regionId, language, "body.side.your.");
    }

    private String name(String regionId, String language, String sideKey) {
        Region r = byId.get(regionId);
        if (r == null) {
            return regionId;
        }
        return TEXTS.get(language, "body.region", TEXTS.get(language, "body." + r.view().id() + "." + r.part()),
                TEXTS.get(language, sideKey + r.side().id()));
    }

    /** The patient's side drawn on the viewer's left of {@code view}: their right from the front, their left from the back. */
    public static Side viewersLeft(View view) {
        return view == View.FRONT ? Side.RIGHT : Side.LEFT;
    }

    /** The ids of {@code marked} that are regions of the map, in the map's order. */
    public List<String> inOrder(Collection<String> marked) {
        Set<String> set = new LinkedHashSet<>(marked);
        return regions.stream().map(Region::id).filter(set::contains).toList();
    }

    /** How many of the Michigan Body Map's areas the marked regions fall in. */
    public int michiganAreas(Collection<String> marked) {
        Set<String> areas = new LinkedHashSet<>();
        for (String id : marked) {
            Region r = byId.get(id);
            if (r != null) {
                areas.add(r.michigan());
            }
        }
        return areas.size();
    }

    // ---- the drawing ------------------------------------------------------------------------------------------

    /** The head, seen from either side. */
    private static final Shape HEAD = new Ellipse2D.Double(79, 6, 42, 54);
    /** The neck, from under the chin into the shoulders. */
    private static final Shape NECK = polygon(88, 48, 112, 48, 113, 86, 87, 86);
    /** The trunk from the shoulders to the top of the legs, the viewer's left half mirrored. */
    private static final Shape TRUNK = symmetric(
            88, 80, 60, 88, 47, 98, 43, 116, 46, 150, 52, 190, 57, 214, 55, 240, 50, 268, 48, 300);
    /** The arm on the viewer's left, from the shoulder to the hand. */
    private static final Shape ARM = polygon(
            46, 96, 26, 108, 17, 150, 12, 186, 9, 222, 5, 256,
            3, 260, 0, 290, 6, 307, 20, 307, 29, 290, 29, 258,
            29, 256, 31, 222, 35, 186, 41, 152, 45, 128);
    /** The leg on the viewer's left, from the top of the thigh to the toes. */
    private static final Shape LEG = polygon(
            48, 300, 50, 330, 55, 365, 58, 385, 59, 404, 61, 430, 63, 452, 64, 468,
            57, 478, 55, 492, 62, 498, 80, 498, 84, 490, 82, 468,
            83, 452, 85, 430, 87, 404, 89, 385, 92, 365, 97, 330, 100, 312, 100, 300);

    private static List<Region> build(View view) {
        // Cut on the viewer's left half; the right half is its mirror image.
        Side viewerLeft = viewersLeft(view);
        Area half = new Area(new Rectangle2D.Double(-10, -10, MID + 10, HEIGHT + 20));
        Map<String, Area> cuts = new LinkedHashMap<>();
        Area head = intersect(new Area(HEAD), half);
        Area neck = intersect(new Area(NECK), half);
        neck.subtract(new Area(HEAD));
        Area trunk = intersect(new Area(TRUNK), half);
        trunk.subtract(new Area(NECK));
        Area arm = new Area(ARM);
        arm.subtract(new Area(TRUNK));
        Area leg = new Area(LEG);
        leg.subtract(new Area(TRUNK));
        Area trunkAndLeg = new Area(trunk);
        trunkAndLeg.add(leg);

        if (view == View.FRONT) {
            cuts.put("head", intersect(head, band(0, 44)));
            cuts.put("jaw", intersect(head, band(44, HEIGHT)));
            cuts.put("neck", neck);
            cuts.put("shoulder", intersect(trunk, box(0, 0, MID - 30, 118)));
            cuts.put("chest", intersect(trunk, band(0, 160)));
            cuts.put("upper-abdomen", intersect(trunk, band(160, 214)));
            cuts.put("lower-abdomen", intersect(trunk, band(214, 262)));
            cuts.put("hip", intersect(trunk, box(0, 262, MID - 28, HEIGHT)));
            cuts.put("groin", intersect(trunk, band(262, HEIGHT)));
        } else {
            cuts.put("head", head);
            cuts.put("neck", neck);
            cuts.put("shoulder", intersect(trunk, box(0, 0, MID - 30, 118)));
            cuts.put("upper-back", intersect(trunk, band(0, 150)));
            cuts.put("flank", intersect(trunk, box(0, 150, MID - 30, 250)));
            cuts.put("mid-back", intersect(trunk, band(150, 205)));
            cuts.put("low-back", intersect(trunk, band(205, 250)));
            cuts.put("hip", intersect(trunk, box(0, 250, MID - 30, HEIGHT)));
            cuts.put("sacroiliac", intersect(trunk, band(250, 278)));
            cuts.put("buttock", intersect(trunkAndLeg, band(278, 326)));
        }
        cuts.put("upper-arm", intersect(arm, band(0, 180)));
        cuts.put("elbow", intersect(arm, band(180, 204)));
        cuts.put("forearm", intersect(arm, band(204, 256)));
        cuts.put("hand", intersect(arm, band(256, HEIGHT)));
        cuts.put("thigh", intersect(leg, band(0, 378)));
        cuts.put("knee", intersect(leg, band(378, 404)));
        cuts.put(view == View.FRONT ? "shin" : "calf", intersect(leg, band(404, 452)));
        cuts.put("ankle", intersect(leg, band(452, 470)));
        cuts.put("foot", intersect(leg, band(470, HEIGHT)));

        // Each region is its cut less every region drawn before it.
        Area taken = new Area();
        Map<String, Area> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, Area> e : cuts.entrySet()) {
            Area a = new Area(e.getValue());
            a.subtract(taken);
            taken.add(a);
            shapes.put(e.getKey(), a);
        }
        AffineTransform mirror = new AffineTransform(-1, 0, 0, 1, WIDTH, 0);
        List<Region> out = new ArrayList<>();
        for (String part : BodyAreas.parts(view)) {
            Area a = shapes.get(part);
            if (a == null || a.isEmpty()) {
                throw new IllegalStateException("The body map cuts no " + view.id() + " " + part);
            }
            out.add(region(view, viewerLeft, part, a));
            out.add(region(view, viewerLeft.other(), part, a.createTransformedArea(mirror)));
        }
        return out;
    }

    private static Region region(View view, Side side, String part, Area shape) {
        String id = BodyAreas.region(view, side, part);
        return new Region(id, view, side, part, shape, svgPath(shape), MichiganAreas.of(view, side, part),
                SnomedBodyStructures.of(side, part));
    }

    private List<Zoom> buildZooms() {
        List<Zoom> out = new ArrayList<>();
        out.add(new Zoom("whole", Set.of(), List.of(whole(View.FRONT), whole(View.BACK))));
        out.add(bothSides("head", Set.of("head", "jaw", "neck")));
        out.add(bothSides("upper", Set.of("shoulder", "chest", "upper-abdomen", "upper-back", "mid-back", "flank")));
        out.add(bothSides("lower", Set.of("lower-abdomen", "groin", "hip", "low-back", "sacroiliac", "buttock")));
        out.add(eachSide("arms", Set.of("upper-arm", "elbow", "forearm")));
        out.add(eachSide("hands", Set.of("hand")));
        out.add(bothSides("legs", Set.of("thigh", "knee", "shin", "calf")));
        out.add(bothSides("feet", Set.of("ankle", "foot")));
        return List.copyOf(out);
    }

    private static Cell whole(View view) {
        return new Cell(view, -2, 0, WIDTH + 4, HEIGHT + 2, viewersLeft(view), viewersLeft(view).other());
    }

    private Zoom bothSides(String id, Set<String> parts) {
        List<Cell> cells = new ArrayList<>();
        for (View view : View.values()) {
            cells.add(window(view, regions(view).stream().filter(r -> parts.contains(r.part())).toList()));
        }
        return new Zoom(id, parts, cells);
    }

    private Zoom eachSide(String id, Set<String> parts) {
        List<Cell> cells = new ArrayList<>();
        for (View view : View.values()) {
            // In the order they are seen: the viewer's left first.
            Side first = viewersLeft(view);
            for (Side side : List.of(first, first.other())) {
                cells.add(window(view, regions(view).stream()
                        .filter(r -> r.side() == side && parts.contains(r.part())).toList()));
            }
        }
        return new Zoom(id, parts, cells);
    }

    private static Cell window(View view, List<Region> shown) {
        Rectangle2D box = null;
        for (Region r : shown) {
            box = box == null ? r.bounds() : box.createUnion(r.bounds());
        }
        double margin = 3;
        double x = box.getX() - margin;
        double w = box.getWidth() + 2 * margin;
        Side viewerLeft = viewersLeft(view);
        Side leftEdge = x < MID ? viewerLeft : viewerLeft.other();
        Side rightEdge = x + w > MID ? viewerLeft.other() : viewerLeft;
        return new Cell(view, x, box.getY() - margin, w, box.getHeight() + 2 * margin, leftEdge, rightEdge);
    }

    // ---- geometry helpers -------------------------------------------------------------------------------------

    private static Area intersect(Area a, Area b) {
        Area out = new Area(a);
        out.intersect(b);
        return out;
    }

    private static Area intersect(Area a, Shape b) {
        return intersect(a, new Area(b));
    }

    /** Everything between two heights. */
    private static Rectangle2D band(double top, double bottom) {
        return new Rectangle2D.Double(-10, top, WIDTH + 20, bottom - top);
    }

    /** Everything from the far left up to {@code right}, between two heights. */
    private static Rectangle2D box(double left, double top, double right, double bottom) {
        return new Rectangle2D.Double(left - 10, top, right - left + 10, bottom - top);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** A shape symmetric about the middle, from the points of its viewer's-left edge, top to bottom. */
    private static Shape symmetric(double... leftEdge) {
        int n = leftEdge.length / 2;
        double[] xy = new double[leftEdge.length * 2];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = leftEdge[2 * i];
            xy[2 * i + 1] = leftEdge[2 * i + 1];
            int j = 2 * n - 1 - i;
            xy[2 * j] = WIDTH - leftEdge[2 * i];
            xy[2 * j + 1] = leftEdge[2 * i + 1];
        }
        return polygon(xy);
    }

    static String svgPath(Shape shape) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(number(c[0])).append(' ').append(number(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(number(c[0])).append(' ').append(number(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(number(c[0])).append(' ').append(number(c[1]))
                        .append(' ').append(number(c[2])).append(' ').append(number(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(number(c[0])).append(' ').append(number(c[1]))
                        .append(' ').append(number(c[2])).append(' ').append(number(c[3]))
                        .append(' ').append(number(c[4])).append(' ').append(number(c[5]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        return d.toString();
    }

    static String number(double v) {
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }

    /**
     * The side of the largest square that fits inside {@code shape}, in map units, and where: a measure of how
     * easily a finger can land on it. Searched on a grid of half a unit.
     */
    public static Rectangle2D largestSquare(Shape shape) {
        Area area = shape instanceof Area a ? a : new Area(shape);
        Rectangle2D b = area.getBounds2D();
        Rectangle2D best = new Rectangle2D.Double(b.getCenterX(), b.getCenterY(), 0, 0);
        double lo = 0;
        double hi = Math.min(b.getWidth(), b.getHeight());
        while (hi - lo > 0.25) {
            double s = (lo + hi) / 2;
            Rectangle2D found = fit(area, b, s);
            if (found != null) {
                lo = s;
                best = found;
            } else {
                hi = s;
            }
        }
        return best;
    }

    private static Rectangle2D fit(Area area, Rectangle2D b, double s) {
        for (double y = b.getMinY(); y + s <= b.getMaxY(); y += 0.5) {
            for (double x = b.getMinX(); x + s <= b.getMaxX(); x += 0.5) {
                if (area.contains(x, y, s, s)) {
                    return new Rectangle2D.Double(x, y, s, s);
                }
            }
        }
        return null;
    }
}
