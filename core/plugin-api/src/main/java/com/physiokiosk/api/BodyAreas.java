package com.physiokiosk.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The regions of the kiosk's body map, which a {@link QuestionType#BODY_AREAS} question is answered with, and
 * the conditions a topic's rules read them by. The host asks one such question on every visit, the pain drawing
 * ({@link Facts#PAIN_AREAS}, after the other facts); a topic may ask its own.
 *
 * <p>The map is drawn front and back, and every region is on the patient's own left or right: 18 regions a side
 * seen from the front and 19 seen from the back, 74 in all, segmented after the CHOIR body map (Scherrer et al.,
 * Pain Reports 2021) in our own drawing. A region's id is {@code <view>-<side>-<part>}, for example
 * {@code back-left-low-back} or {@code front-right-shin}: see {@link #region(View, Side, String)}.
 *
 * <pre>{@code
 * Rule.of("leg-pain-below-knee", Severity.CONSULT, BodyAreas.oneLegBelowKnee(Facts.PAIN_AREAS), ...)
 *         .about(Symptom.ONE_LEG);
 * Question.yesNo("worse-sitting", "q.sitting").withEnableWhen(BodyAreas.inLowBack(Facts.PAIN_AREAS));
 * }</pre>
 *
 * <p>Conditions test a body-areas answer like a multiple choice: {@code Condition.equals(linkId, regionId)} holds
 * when that region was marked. The kiosk refuses, at load, a condition that names a region not on the map.
 *
 * @since 2.1
 */
public final class BodyAreas {

    /** Which way the figure faces the viewer. */
    public enum View {
        /** Seen from the front: the patient's right is on the viewer's left. */
        FRONT,
        /** Seen from the back: the patient's left is on the viewer's left. */
        BACK;

        /** As it appears in a region id. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The patient's own side. */
    public enum Side {
        RIGHT,
        LEFT;

        /** As it appears in a region id. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The other side. */
        public Side other() {
            return this == LEFT ? RIGHT : LEFT;
        }
    }

    /** The parts drawn on each side of the front view, from head to foot. */
    public static final List<String> FRONT_PARTS = List.of("head", "jaw", "neck", "shoulder", "chest",
            "upper-abdomen", "lower-abdomen", "groin", "hip", "upper-arm", "elbow", "forearm", "hand", "thigh", "knee",
            "shin", "ankle", "foot");

    /** The parts drawn on each side of the back view, from head to foot. */
    public static final List<String> BACK_PARTS = List.of("head", "neck", "shoulder", "upper-back", "mid-back",
            "flank", "low-back", "sacroiliac", "buttock", "hip", "upper-arm", "elbow", "forearm", "hand", "thigh",
            "knee", "calf", "ankle", "foot");

    /** Every region id, front then back, the patient's right before their left. */
    public static final List<String> REGIONS = all();

    /** The parts of a leg, on either view: from the thigh down (the hip, groin and buttock are not the leg). */
    private static final List<String> LEG_PARTS = List.of("thigh", "knee", "shin", "calf", "ankle", "foot");
    private static final List<String> BELOW_KNEE_PARTS = List.of("shin", "calf", "ankle", "foot");
    /**
     * The consensus low-back area, from the lower ribs to the gluteal folds (Dionne et al., Spine 2008): the low
     * back, the sacroiliac region and the buttock, on the back view.
     */
    private static final List<String> LOW_BACK_PARTS = List.of("low-back", "sacroiliac", "buttock");
    /** The axial skeleton of the ACR 1990 criteria: the neck, the front of the chest, the thoracic spine, the low back. */
    private static final List<String> AXIAL_PARTS = List.of("neck", "chest", "upper-back", "mid-back", "low-back");
    /** Above the waist (the ACR's upper segment); the rest is below it (the flank reaches down past the waist). */
    private static final List<String> UPPER_PARTS = List.of("head", "jaw", "neck", "shoulder", "chest", "upper-abdomen",
            "upper-arm", "elbow", "forearm", "hand", "upper-back", "mid-back");

    private BodyAreas() {
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>();
        for (View view : View.values()) {
            for (Side side : Side.values()) {
                for (String part : parts(view)) {
                    out.add(view.id() + "-" + side.id() + "-" + part);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The parts drawn on {@code view}. */
    public static List<String> parts(View view) {
        return view == View.FRONT ? FRONT_PARTS : BACK_PARTS;
    }

    /**
     * The id of {@code part} on the patient's {@code side} of {@code view}.
     *
     * @throws IllegalArgumentException when the view has no such part
     */
    public static String region(View view, Side side, String part) {
        Objects.requireNonNull(side, "side");
        if (!parts(view).contains(part)) {
            throw new IllegalArgumentException("the " + view.id() + " of the body map has no part '" + part
                    + "'; it has " + parts(view));
        }
        return view.id() + "-" + side.id() + "-" + part;
    }

    /** Whether {@code id} is a region of the map. */
    public static boolean isRegion(String id) {
        return REGIONS.contains(id);
    }

    /** The regions of {@code parts} on {@code side}, on whichever views draw them. */
    public static List<String> regions(Side side, Collection<String> parts) {
        List<String> out = new ArrayList<>();
        for (View view : View.values()) {
            for (String part : parts(view)) {
                if (parts.contains(part)) {
                    out.add(region(view, side, part));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> bothSides(Collection<String> parts) {
        List<String> out = new ArrayList<>(regions(Side.RIGHT, parts));
        out.addAll(regions(Side.LEFT, parts));
        return List.copyOf(out);
    }

    /** The regions of the consensus low-back area, both sides: the low back, sacroiliac region and buttock. */
    public static List<String> lowBack() {
        return bothSides(LOW_BACK_PARTS);
    }

    /** The regions of the leg on {@code side}, front and back: thigh, knee, shin or calf, ankle and foot. */
    public static List<String> leg(Side side) {
        return regions(side, LEG_PARTS);
    }

    /** The regions of the leg on {@code side} below the knee: shin, calf, ankle and foot. */
    public static List<String> belowKnee(Side side) {
        return regions(side, BELOW_KNEE_PARTS);
    }

    /** True when any of {@code regions} was marked in the answer to {@code linkId}. */
    public static Condition any(String linkId, Collection<String> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("any() needs at least one region");
        }
        return Condition.anyOf(linkId, regions.toArray(String[]::new));
    }

    /** Pain marked in the consensus low-back area (see {@link #lowBack()}). */
    public static Condition inLowBack(String linkId) {
        return any(linkId, lowBack());
    }

    /** Pain marked anywhere on the leg on {@code side}. */
    public static Condition inLeg(String linkId, Side side) {
        return any(linkId, leg(side));
    }

    /** Pain marked below the knee on {@code side}. */
    public static Condition belowKnee(String linkId, Side side) {
        return any(linkId, belowKnee(side));
    }

    /** Pain marked on both legs (which includes below both knees). */
    public static Condition bothLegs(String linkId) {
        return Condition.all(inLeg(linkId, Side.RIGHT), inLeg(linkId, Side.LEFT));
    }

    /** Pain marked below the knee of one leg, and nothing marked on the other leg. */
    public static Condition oneLegBelowKnee(String linkId) {
        return Condition.any(
                Condition.all(belowKnee(linkId, Side.RIGHT), Condition.not(inLeg(linkId, Side.LEFT))),
                Condition.all(belowKnee(linkId, Side.LEFT), Condition.not(inLeg(linkId, Side.RIGHT))));
    }

    /**
     * Widespread pain after the American College of Rheumatology's 1990 criteria: pain on the left and on the right
     * of the body, above and below the waist, and in the axial skeleton (the neck, the front of the chest, the
     * thoracic spine or the low back). The sides and the segments are counted from the regions off the spine only
     * (the shoulder and the buttock count, as in the criteria), so back pain spreading to both buttocks is not
     * widespread; the spine counts as axial.
     */
    public static Condition widespread(String linkId) {
        List<String> offSpine = new ArrayList<>();
        for (View view : View.values()) {
            for (String part : parts(view)) {
                if (!AXIAL_PARTS.contains(part) && !offSpine.contains(part)) {
                    offSpine.add(part);
                }
            }
        }
        List<String> upper = offSpine.stream().filter(UPPER_PARTS::contains).toList();
        List<String> lower = offSpine.stream().filter(p -> !UPPER_PARTS.contains(p)).toList();
        return Condition.all(
                any(linkId, regions(Side.RIGHT, offSpine)),
                any(linkId, regions(Side.LEFT, offSpine)),
                any(linkId, bothSides(upper)),
                any(linkId, bothSides(lower)),
                any(linkId, bothSides(AXIAL_PARTS)));
    }
}
