package com.physiokiosk.engine.checkin;

import com.physiokiosk.api.Severity;
import java.util.List;

/**
 * A finding as stored with its check-in.
 *
 * @param ruleId        the rule that raised it
 * @param severity      how much it matters
 * @param patientText   what the patient was shown, in their language, or {@code null}
 * @param clinicianText the note for the physiotherapist
 * @param triggeredBy   linkIds of the answers that raised it
 * @param source        what the rule rests on
 * @param withdrawn     an URGENT finding the patient's changed answers no longer raise: staff were alerted to it,
 *                      so it is kept, marked as changed
 */
public record StoredFinding(String ruleId, Severity severity, String patientText, String clinicianText,
                            List<String> triggeredBy, String source, boolean withdrawn) {

    public StoredFinding {
        triggeredBy = List.copyOf(triggeredBy);
    }

    /** A finding the patient's answers raise. */
    public StoredFinding(String ruleId, Severity severity, String patientText, String clinicianText,
                         List<String> triggeredBy, String source) {
        this(ruleId, severity, patientText, clinicianText, triggeredBy, source, false);
    }
}
