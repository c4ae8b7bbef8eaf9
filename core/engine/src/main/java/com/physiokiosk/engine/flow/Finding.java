package com.physiokiosk.engine.flow;

import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import java.util.Objects;

/**
 * What a {@link com.physiokiosk.api.Rule} raised for one patient's answers.
 *
 * @param ruleId       the rule that raised it
 * @param severity     how much it matters
 * @param patientKey   message key of what the patient is shown, or {@code null}
 * @param clinicianKey message key of the note for the physiotherapist
 * @param triggeredBy  the answers the rule read that led to it
 * @param source       what the rule rests on
 */
public record Finding(String ruleId, Severity severity, String patientKey, String clinicianKey,
                      Answers triggeredBy, Source source) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(clinicianKey, "clinicianKey");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        Objects.requireNonNull(source, "source");
    }
}
