package com.physiokiosk.ui.view;

import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.BodyAreas.Side;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.body.BodyMap.Cell;
import com.physiokiosk.engine.body.BodyMap.Region;
import com.physiokiosk.engine.body.BodyMap.Zoom;
import com.physiokiosk.engine.body.MichiganAreas;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body map as the host's templates draw it, from the engine's one {@link BodyMap}: the patient's drawing
 * (every zoom, each window listing the regions it shows, and the same regions as a list of check boxes) and the
 * staff's shaded figures on the summary, its printout and its PDF.
 */
public final class BodyMapView {

    private BodyMapView() {
    }

    /** One region as drawn: its id, outline, name, whether it is marked, and its place in the map's order. */
    public record Drawn(String id, String path, String label, boolean marked, int order) {
    }

    /**
     * A window on one figure.
     *
     * @param caption   "Front" or "Back"
     * @param leftEdge  the patient's side at the window's left edge ("Your right" on the front)
     * @param rightEdge the side at its right edge; the same as {@code leftEdge} for a window on one side only
     * @param regions   the regions to tap in the window (ids and labels; the outlines are drawn once, in the page's
     *                  definitions, and used by id)
     * @param context   the other regions the window shows part of, drawn faint and not tappable, so an enlarged
     *                  hand is seen at the end of its arm
     */
    public record Window(String caption, String leftEdge, String rightEdge, String viewBox, double aspect,
                         List<Drawn> regions, List<Drawn> context) {
    }

    /** One way of looking at the map: its button label and its windows. */
    public record ZoomView(String id, String label, List<Window> windows) {
    }

    /** The regions of one part of the body, for the list. */
    public record Group(String label, List<Drawn> regions) {
    }

    /**
     * The patient's drawing.
     *
     * @param regions every region, to define once and use in every window
     * @param zooms   the whole body first, then each part enlarged
     * @param groups  the same regions as a list, by part of the body
     * @param marked  the names of the regions marked so far, in the map's order
     */
    public record Screen(List<Drawn> regions, List<ZoomView> zooms, List<Group> groups, List<String> marked) {
    }

    /**
     * The drawing on the staff summary.
     *
     * @param title    the question's text
     * @param count    how many regions were marked, and in how many of the Michigan Body Map's areas
     * @param figures  the front and the back, marked regions shaded
     * @param names    the marked regions by name ("Calf, left": the patient's side), in the map's order
     * @param redFlag  an URGENT finding rests on it
     */
    public record Summary(String title, String count, List<Window> figures, List<String> names, boolean redFlag) {
    }

    /** The patient's drawing in {@code language}, with {@code marked} marked. */
    public static Screen screen(List<String> marked, String language) {
        BodyMap map = BodyMap.get();
        Set<String> on = new LinkedHashSet<>(marked);
        MessageBundle texts = BodyMap.texts();
        List<Drawn> all = new ArrayList<>();
        for (Region r : map.regions()) {
            all.add(drawn(r, on, language, true));
        }
        List<ZoomView> zooms = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (Zoom z : map.zooms()) {
            List<Window> windows = new ArrayList<>();
            for (Cell c : z.cells()) {
                windows.add(window(c, z.parts(), on, language, true));
            }
            String label = texts.get(language, "body.zoom." + z.id());
            zooms.add(new ZoomView(z.id(), label, windows));
            if (!z.parts().isEmpty()) {
                // Part by part, the right then the left, so in two columns each pair sits side by side.
                List<Drawn> members = new ArrayList<>();
                for (BodyAreas.View view : BodyAreas.View.values()) {
                    for (String part : BodyAreas.parts(view)) {
                        if (z.parts().contains(part)) {
                            for (Side side : Side.values()) {
                                Region r = map.region(BodyAreas.region(view, side, part)).orElseThrow();
                                members.add(drawn(r, on, language, true));
                            }
                        }
                    }
                }
                groups.add(new Group(label, members));
            }
        }
        List<String> names = map.inOrder(on).stream().map(id -> map.patientLabel(id, language)).toList();
        return new Screen(all, zooms, groups, names);
    }

    /** The staff summary's drawing of {@code marked}, in the staff's {@code language}. */
    public static Summary summary(String title, List<String> marked, boolean redFlag, Texts t) {
        BodyMap map = BodyMap.get();
        Set<String> on = new LinkedHashSet<>(map.inOrder(marked));
        List<Window> figures = new ArrayList<>();
        for (Cell c : map.zooms().get(0).cells()) {
            figures.add(window(c, java.util.Set.of(), on, t.language(), false));
        }
        String count = t.get("staff.summary.drawing.count", on.size(), map.michiganAreas(on),
                MichiganAreas.AREAS.size());
        List<String> names = on.stream().map(id -> map.label(id, t.language())).toList();
        return new Summary(title, count, figures, names, redFlag);
    }

    /**
     * A window on {@code c}: the regions of {@code parts} to tap (every region when empty), the rest as context;
     * named for the {@code patient} ("your left") or for staff ("left").
     */
    private static Window window(Cell c, Set<String> parts, Set<String> on, String language, boolean patient) {
        MessageBundle texts = BodyMap.texts();
        Rectangle2D box = new Rectangle2D.Double(c.x(), c.y(), c.width(), c.height());
        List<Drawn> regions = new ArrayList<>();
        List<Drawn> context = new ArrayList<>();
        for (Region r : BodyMap.get().regions(c.view())) {
            if (!box.intersects(r.bounds())) {
                continue;
            }
            (parts.isEmpty() || parts.contains(r.part()) ? regions : context).add(drawn(r, on, language, patient));
        }
        return new Window(texts.get(language, "body.view." + c.view().id()), side(c.leftEdge(), language, patient),
                side(c.rightEdge(), language, patient), c.viewBox(), c.height() / c.width(), regions, context);
    }

    private static String side(Side side, String language, boolean patient) {
        return BodyMap.texts().get(language, (patient ? "body.side.your." : "body.side.") + side.id() + ".short");
    }

    private static Drawn drawn(Region r, Set<String> on, String language, boolean patient) {
        BodyMap map = BodyMap.get();
        return new Drawn(r.id(), r.path(), patient ? map.patientLabel(r.id(), language) : map.label(r.id(), language),
                on.contains(r.id()), map.order(r.id()));
    }
}
