package com.physiokiosk.engine.body;

import com.physiokiosk.api.BodyAreas.Side;
import com.physiokiosk.engine.body.BodyMap.Snomed;
import java.util.Map;

/**
 * The SNOMED CT body structure that fits each part of the body map, where one does: the lateralised concept for
 * the patient's side when SNOMED CT has one, else the structure the region lies in (the neck for either half of
 * it, the groin for either side, the lower leg for a shin or a calf). Only concepts checked against published code
 * lists and value sets are here (an upper or middle back, a flank and a sacroiliac region had none we could check);
 * a part without one is exported with the kiosk's own region code alone.
 */
final class SnomedBodyStructures {

    /** Part → {right, left} concepts. */
    private static final Map<String, Snomed[]> SIDED = Map.ofEntries(
            both("head", "69536005", "Head structure"),
            both("jaw", "661005", "Jaw region structure"),
            both("neck", "45048000", "Neck structure"),
            sided("shoulder", "91774008", "Structure of right shoulder region",
                    "91775009", "Structure of left shoulder region"),
            sided("chest", "51872008", "Structure of right half of thorax", "40768004", "Structure of left half of thorax"),
            both("upper-abdomen", "818983003", "Abdomen"),
            both("lower-abdomen", "818983003", "Abdomen"),
            both("groin", "26893007", "Inguinal region structure"),
            sided("hip", "287579007", "Right hip region structure", "287679003", "Left hip region structure"),
            sided("upper-arm", "368209003", "Right upper arm structure", "368208006", "Left upper arm structure"),
            sided("elbow", "368149001", "Right elbow region structure", "368148009", "Left elbow region structure"),
            sided("forearm", "64262003", "Right forearm structure", "66480008", "Left forearm structure"),
            sided("hand", "78791008", "Structure of right hand", "85151006", "Structure of left hand"),
            sided("thigh", "11207009", "Structure of right thigh", "61396006", "Structure of left thigh"),
            sided("knee", "6757004", "Right knee region structure", "82169009", "Left knee region structure"),
            sided("shin", "32696007", "Right lower leg structure", "48979004", "Left lower leg structure"),
            sided("calf", "32696007", "Right lower leg structure", "48979004", "Left lower leg structure"),
            sided("ankle", "6685009", "Right ankle region structure", "51636004", "Left ankle region structure"),
            sided("foot", "7769000", "Structure of right foot", "22335008", "Structure of left foot"),
            both("low-back", "37822005", "Lower back structure"),
            both("buttock", "46862004", "Buttock structure"));

    private static Map.Entry<String, Snomed[]> sided(String part, String right, String rightName, String left,
                                                     String leftName) {
        return Map.entry(part, new Snomed[] {new Snomed(right, rightName), new Snomed(left, leftName)});
    }

    private static Map.Entry<String, Snomed[]> both(String part, String code, String name) {
        Snomed s = new Snomed(code, name);
        return Map.entry(part, new Snomed[] {s, s});
    }

    private SnomedBodyStructures() {
    }

    /** The concept for {@code part} on {@code side}, or {@code null}. */
    static Snomed of(Side side, String part) {
        Snomed[] pair = SIDED.get(part);
        return pair == null ? null : pair[side == Side.RIGHT ? 0 : 1];
    }
}
