package com.physiokiosk.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pure function of a topic's answers to at most one {@link Finding}: when {@link #when()}
 * holds, the finding is raised.
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
 * @since 1.0
 */
public record Rule(String id, Severity severity, Condition when, String patientKey, String clinicianKey,
                   Source source) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(clinicianKey, "clinicianKey");
        Objects.requireNonNull(source, "source");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' must be 1-64 lower-case letters, digits, '.', '-' or '_'");
        }
        if (severity == Severity.ADVICE && patientKey == null) {
            throw new IllegalArgumentException("advice rule '" + id + "' needs a patient text");
        }
    }

    /** Shorthand for the canonical constructor. */
    public static Rule of(String id, Severity severity, Condition when, String patientKey, String clinicianKey,
                          Source source) {
        return new Rule(id, severity, when, patientKey, clinicianKey, source);
    }

    /** The finding this rule raises for {@code answers}, if its condition holds. */
    public Optional<Finding> evaluate(Answers answers) {
        if (!when.test(answers)) {
            return Optional.empty();
        }
        Map<String, java.util.List<String>> triggeredBy = new LinkedHashMap<>();
        for (String linkId : when.linkIds()) {
            if (answers.isAnswered(linkId)) {
                triggeredBy.put(linkId, answers.get(linkId));
            }
        }
        return Optional.of(new Finding(id, severity, patientKey, clinicianKey, Answers.of(triggeredBy), source));
    }
}
