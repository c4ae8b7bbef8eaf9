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
 */
public record StoredFinding(String ruleId, Severity severity, String patientText, String clinicianText,
                            List<String> triggeredBy, String source) {

    public StoredFinding {
        triggeredBy = List.copyOf(triggeredBy);
    }
}
