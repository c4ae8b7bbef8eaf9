package com.physiokiosk.api;

/**
 * The symptoms the kiosk's severity policy rules on, each with the one severity the policy gives it in every
 * topic: "the same symptom gets the same severity everywhere". A {@link Rule} that flags one of them says so
 * with {@link Rule#about(Symptom)}; the host then refuses, at load, a rule whose severity differs from the
 * symptom's, and lists every rule of every topic under its symptom in the clinical rules catalogue.
 *
 * <pre>{@code
 * Rule.of("leg-symptoms", Severity.CONSULT, oneLegOnly, "rule.legs.patient", "rule.legs.clinician", source)
 *         .about(Symptom.ONE_LEG);
 * }</pre>
 *
 * <p>Tag a rule only when its condition is the symptom as described here, with the qualifiers given (one leg,
 * not both and not weakening; sudden severe pain without a fracture risk; and so on). A rule about something near it
 * (pain that a change of position only partly eases, a sudden sharp pain while stretching) is not tagged: it is
 * not the symptom the policy rules on. A new symptom is added here, with its severity, when the policy names one.
 *
 * @since 1.1
 */
public enum Symptom {

    // ---- cauda equina (national suspected cauda equina pathway): URGENT everywhere -------------------

    /** Numbness, tingling or a change of feeling around the genitals, bottom or inner thighs (the saddle area). */
    SADDLE(Severity.URGENT),
    /** New trouble starting to pass urine, not feeling when the bladder is full, or leaking. */
    BLADDER(Severity.URGENT),
    /** New loss of control of the bowels, or not feeling the need to go. */
    BOWEL(Severity.URGENT),
    /** Pain, numbness, tingling or weakness in both legs (or moving from one leg to the other). */
    BOTH_LEGS(Severity.URGENT),
    /** One leg or foot getting weaker or more numb: a progressive neurological deficit. */
    LEG_WEAKENING(Severity.URGENT),

    // ---- fracture, infection, cancer: URGENT everywhere --------------------------------------------

    /** Back pain that started after a serious fall or accident. */
    SERIOUS_INJURY(Severity.URGENT),
    /** Back pain after a minor fall or lift at 50 or over, or with thin bones or long-term steroid tablets. */
    MINOR_INJURY_WITH_FRACTURE_RISK(Severity.URGENT),
    /**
     * Back pain that started suddenly and was very severe, with loss of height, age 50 or over, thin bones or
     * long-term steroid tablets (a topic may read more risk factors, such as the bone loss of breastfeeding).
     */
    SUDDEN_SEVERE_PAIN_WITH_FRACTURE_RISK(Severity.URGENT),
    /** Fever, shivering or feeling very unwell (systemically unwell) with the back pain. */
    FEVER_OR_UNWELL(Severity.URGENT),
    /** A past cancer, of any kind, however long ago. */
    PAST_CANCER(Severity.URGENT),
    /** Weight loss without trying. */
    WEIGHT_LOSS(Severity.URGENT),
    /** Night pain that no position eases. */
    NIGHT_PAIN_NO_POSITION(Severity.URGENT),
    /** In a pregnancy, or a possible one, back cramps that come and go in a regular pattern: possible labour. */
    REGULAR_CRAMPS_IN_PREGNANCY(Severity.URGENT),

    // ---- for the physiotherapist to know before the consult: CONSULT everywhere ----------------------

    /** Pain, numbness, tingling or weakness in one leg: not in both legs, and the leg not getting weaker or more numb. */
    ONE_LEG(Severity.CONSULT),
    /** Back pain that started suddenly and was very severe, with none of the fracture risks above: not a red flag. */
    SUDDEN_SEVERE_PAIN(Severity.CONSULT),
    /** Severe pain: the host's one threshold ({@link Facts#SEVERE_PAIN} or more, right now or on average). */
    SEVERE_PAIN(Severity.CONSULT),
    /** A weakened immune system, injected drugs, or a spinal operation or injection in the last few months. */
    INFECTION_RISK(Severity.CONSULT),
    /** A first ever episode of back pain under 20 or at 50 or over. */
    FIRST_EPISODE_AT_RISK_AGE(Severity.CONSULT);

    private final Severity severity;

    Symptom(Severity severity) {
        this.severity = severity;
    }

    /** The severity the kiosk's policy gives this symptom, the same in every topic. */
    public Severity severity() {
        return severity;
    }
}
