package com.physiokiosk.api;

import java.util.List;

/**
 * The facts the host asks once per visit, on its "About you" screens after the safety screen, so
 * that every patient is triaged the same whichever topic they pick. A topic never asks these
 * again: its {@link Question#enableWhen()} conditions and its {@link Rule}s read them by the ids
 * below, exactly like its own answers.
 *
 * <pre>{@code
 * Rule.of("severe-pain", Severity.CONSULT, Facts.severePain(), "rule.severe.patient", ...);
 * Question.yesNo("feeding-position", "q.feeding").withEnableWhen(Facts.breastfeeding());
 * }</pre>
 *
 * <p>Every id starts with {@value #PREFIX}, which no topic question may use. The thresholds (what
 * counts as severe pain, as older age) are the host's, the same in every topic: use the conditions
 * here rather than comparing the numbers yourself.
 *
 * @since 1.1
 */
public final class Facts {

    /** Start of every fact id; reserved for the host. */
    public static final String PREFIX = "fact.";

    /** Age band, a single choice: {@link #AGE_UNDER_20}, {@link #AGE_20_49}, {@link #AGE_50_64}, {@link #AGE_65_PLUS}. */
    public static final String AGE_BAND = "fact.age-band";
    public static final String AGE_UNDER_20 = "under-20";
    public static final String AGE_20_49 = "20-49";
    public static final String AGE_50_64 = "50-64";
    public static final String AGE_65_PLUS = "65-plus";

    /** Yes/no: is this the first time the patient has had back pain. */
    public static final String FIRST_EPISODE = "fact.first-episode";

    /**
     * Pregnancy, birth and breastfeeding, a multiple choice shown to every patient: {@link #PREGNANT},
     * {@link #MAYBE_PREGNANT}, {@link #RECENT_BIRTH} (in the last 12 months), {@link #BREASTFEEDING},
     * or {@link #NONE_OF_THESE} alone.
     */
    public static final String MATERNITY = "fact.maternity";
    public static final String PREGNANT = "pregnant";
    public static final String MAYBE_PREGNANT = "maybe-pregnant";
    public static final String RECENT_BIRTH = "recent-birth";
    public static final String BREASTFEEDING = "breastfeeding";
    public static final String NONE_OF_THESE = "none";

    /** Weeks of pregnancy, 1 to 42; asked when {@link #PREGNANT}, optional (the patient may not know). */
    public static final String PREGNANCY_WEEKS = "fact.pregnancy-weeks";

    /** Weeks since the birth, 0 to 52; asked when {@link #RECENT_BIRTH}. */
    public static final String WEEKS_SINCE_BIRTH = "fact.weeks-since-birth";

    /** PEG scale item P, 0 to 10: average pain in the past week (Krebs et al. 2009). */
    public static final String PEG_PAIN = "fact.peg-pain";
    /** PEG scale item E, 0 to 10: how much pain interfered with enjoyment of life in the past week. */
    public static final String PEG_ENJOYMENT = "fact.peg-enjoyment";
    /** PEG scale item G, 0 to 10: how much pain interfered with general activity in the past week. */
    public static final String PEG_ACTIVITY = "fact.peg-activity";
    /** Pain right now, 0 to 10 (Numeric Pain Rating Scale). */
    public static final String PAIN_NOW = "fact.pain-now";

    /**
     * The pain drawing, a {@link QuestionType#BODY_AREAS} answer: the regions of the body map where the patient
     * has pain, asked last of the facts and optional (nothing marked when nothing hurts). Read it with the
     * conditions of {@link BodyAreas}, for example {@code BodyAreas.inLowBack(Facts.PAIN_AREAS)}.
     *
     * @since 2.1
     */
    public static final String PAIN_AREAS = "fact.pain-areas";

    /** The host's one threshold for severe pain, right now or on average: this score or more. */
    public static final int SEVERE_PAIN = 8;

    /** Every fact id, in the order the host asks them. */
    public static final List<String> IDS = List.of(AGE_BAND, FIRST_EPISODE, MATERNITY, PREGNANCY_WEEKS,
            WEEKS_SINCE_BIRTH, PEG_PAIN, PEG_ENJOYMENT, PEG_ACTIVITY, PAIN_NOW, PAIN_AREAS);

    private Facts() {
    }

    /** Severe pain: {@value #SEVERE_PAIN} or more right now, or on average over the past week. */
    public static Condition severePain() {
        return Condition.any(Condition.atLeast(PAIN_NOW, SEVERE_PAIN), Condition.atLeast(PEG_PAIN, SEVERE_PAIN));
    }

    /** Pregnant, or could be. */
    public static Condition pregnantOrMaybe() {
        return Condition.anyOf(MATERNITY, PREGNANT, MAYBE_PREGNANT);
    }

    /** Gave birth in the last 12 months. */
    public static Condition recentBirth() {
        return Condition.equals(MATERNITY, RECENT_BIRTH);
    }

    /** Breastfeeding now. */
    public static Condition breastfeeding() {
        return Condition.equals(MATERNITY, BREASTFEEDING);
    }

    /** Pregnant, could be, or breastfeeding: medicines need a pharmacist's or midwife's word first. */
    public static Condition medicineCaution() {
        return Condition.anyOf(MATERNITY, PREGNANT, MAYBE_PREGNANT, BREASTFEEDING);
    }

    /** Aged 50 or over. */
    public static Condition aged50OrOver() {
        return Condition.anyOf(AGE_BAND, AGE_50_64, AGE_65_PLUS);
    }

    /** Aged under 20. */
    public static Condition under20() {
        return Condition.equals(AGE_BAND, AGE_UNDER_20);
    }

    /** Whether {@code linkId} is one of the host's facts (or reserved for them). */
    public static boolean isFact(String linkId) {
        return linkId.startsWith(PREFIX);
    }
}
