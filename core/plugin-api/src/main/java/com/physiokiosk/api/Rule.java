package com.physiokiosk.api;

import java.util.Objects;

/**
 * What a topic concludes from its answers: when {@link #when()} holds for the answers that count (skip logic
 * applied), the host raises a finding with this severity, these texts and this source.
 *
 * <pre>{@code
 * Rule.of("late-pregnancy-rhythmic-cramps", Severity.URGENT,
 *         Condition.all(Condition.atLeast("pregnancy-weeks", 37), Condition.yes("rhythmic")),
 *         "finding.labour.patient", "finding.labour.clinician", Source.of("seed 003"));
 * }</pre>
 *
 * @param id           stable id, unique within the topic; stored with the finding
 * @param severity     how much the finding matters
 * @param when         the condition on the answers that raises the finding
 * @param patientKey   message key of what the patient is shown, or {@code null} to show nothing
 *                     (the patient still sees the urgent message for an {@link Severity#URGENT} finding)
 * @param clinicianKey message key of the note for the physiotherapist
 * @param source       what the rule rests on
 * @param symptom      the symptom of the severity policy that the rule flags, or {@code null} for none; set with
 *                     {@link #about(Symptom)} (since 1.1)
 * @since 1.0
 */
public record Rule(String id, Severity severity, Condition when, String patientKey, String clinicianKey,
                   Source source, Symptom symptom) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(clinicianKey, "clinicianKey");
        Objects.requireNonNull(source, "source");
        if (!Question.LINK_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' must be 1-64 lower-case letters, digits, '.', '-' or '_'");
        }
        if (severity == Severity.ADVICE && patientKey == null) {
            throw new IllegalArgumentException("advice rule '" + id + "' needs a patient text");
        }
    }

    /** A rule that flags no symptom of the severity policy (add one with {@link #about(Symptom)}). */
    public static Rule of(String id, Severity severity, Condition when, String patientKey, String clinicianKey,
                          Source source) {
        return new Rule(id, severity, when, patientKey, clinicianKey, source, null);
    }

    /**
     * This rule, declared to flag {@code symptom}: the host refuses it at load unless its severity is the one the
     * policy gives the symptom ({@link Symptom#severity()}), and lists it under the symptom in the rules catalogue.
     *
     * @since 1.1
     */
    public Rule about(Symptom symptom) {
        Objects.requireNonNull(symptom, "symptom");
        return new Rule(id, severity, when, patientKey, clinicianKey, source, symptom);
    }
}
