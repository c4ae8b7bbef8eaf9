package com.physiokiosk.engine.body;

import com.physiokiosk.api.BodyAreas.Side;
import com.physiokiosk.api.BodyAreas.View;
import java.util.List;
import java.util.Map;

/**
 * The Michigan Body Map's 35 areas (Brummett et al., "Preliminary validation of the Michigan Body Map", Pain 2016;
 * 157:1205-12): 25 on its front figure and 10 on its back, and the one each region of the kiosk's map lies in, so that
 * a drawing reads as the Michigan map's count of painful areas (0 to 35). Where the Michigan map draws an area on
 * one figure only (the head and neck on the back, the chest on the front), the region of the other figure maps to
 * it too.
 */
public final class MichiganAreas {

    private MichiganAreas() {
    }

    /** Every area of the Michigan map, as {@code <side>-<area>} or a midline area alone. */
    public static final List<String> AREAS = List.of(
            "face", "right-jaw", "left-jaw", "right-chest", "left-chest", "right-upper-arm", "left-upper-arm",
            "right-elbow", "left-elbow", "right-lower-arm", "left-lower-arm", "right-wrist-hand", "left-wrist-hand",
            "abdomen", "pelvis", "right-groin", "left-groin", "right-upper-leg", "left-upper-leg", "right-knee",
            "left-knee", "right-lower-leg", "left-lower-leg", "right-ankle-foot", "left-ankle-foot",
            "head", "neck", "left-shoulder", "right-shoulder", "upper-back", "lower-back", "left-hip", "right-hip",
            "left-buttock", "right-buttock");

    /** Our part → the Michigan area, {@code +} before it when it has a side. */
    private static final Map<String, String> FRONT = Map.ofEntries(
            Map.entry("head", "face"), Map.entry("jaw", "+jaw"), Map.entry("neck", "neck"),
            Map.entry("shoulder", "+shoulder"), Map.entry("chest", "+chest"), Map.entry("upper-abdomen", "abdomen"),
            Map.entry("lower-abdomen", "pelvis"), Map.entry("groin", "+groin"), Map.entry("hip", "+hip"),
            Map.entry("upper-arm", "+upper-arm"), Map.entry("elbow", "+elbow"), Map.entry("forearm", "+lower-arm"),
            Map.entry("hand", "+wrist-hand"), Map.entry("thigh", "+upper-leg"), Map.entry("knee", "+knee"),
            Map.entry("shin", "+lower-leg"), Map.entry("ankle", "+ankle-foot"), Map.entry("foot", "+ankle-foot"));
    private static final Map<String, String> BACK = Map.ofEntries(
            Map.entry("head", "head"), Map.entry("neck", "neck"), Map.entry("shoulder", "+shoulder"),
            Map.entry("upper-back", "upper-back"), Map.entry("mid-back", "upper-back"),
            Map.entry("flank", "lower-back"), Map.entry("low-back", "lower-back"),
            Map.entry("sacroiliac", "lower-back"), Map.entry("buttock", "+buttock"), Map.entry("hip", "+hip"),
            Map.entry("upper-arm", "+upper-arm"), Map.entry("elbow", "+elbow"), Map.entry("forearm", "+lower-arm"),
            Map.entry("hand", "+wrist-hand"), Map.entry("thigh", "+upper-leg"), Map.entry("knee", "+knee"),
            Map.entry("calf", "+lower-leg"), Map.entry("ankle", "+ankle-foot"), Map.entry("foot", "+ankle-foot"));

    /** The Michigan area that {@code part} on {@code side} of {@code view} lies in. */
    static String of(View view, Side side, String part) {
        String area = (view == View.FRONT ? FRONT : BACK).get(part);
        if (area == null) {
            throw new IllegalStateException("No Michigan Body Map area for the " + view.id() + " " + part);
        }
        return area.startsWith("+") ? side.id() + "-" + area.substring(1) : area;
    }
}
