package com.physiokiosk.topic.postpartum;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * Back pain after having a baby: how long the pain has lasted, the night-time pattern the seed
 * describes (worse lying down, easing on getting up), calcium and vitamin D, lifting and feeding the
 * baby, the mattress, and the warning signs (leg numbness, tingling or weakness; sudden severe pain
 * or loss of height; night pain that no position eases).
 *
 * <p>Whether and how many weeks ago the patient gave birth, whether they are breastfeeding or (may
 * be) pregnant, their age band and how bad the pain is are the host's shared {@link Facts}, asked once
 * before any topic: this topic reads them and never asks them again. The host itself flags severe
 * pain and notes a recent birth and breastfeeding for the physiotherapist, so no rule here repeats
 * that.
 *
 * <p>Partners and other carers of a baby may choose the topic too: the questions about stopping
 * breastfeeding and about calcium are asked only after a recent birth or while breastfeeding.
 *
 * <p>Severities follow the kiosk's policy, the same in every topic: numbness, tingling or weakness in one leg is
 * CONSULT; in both legs, or a leg getting weaker or more numb, it is URGENT (the seed asks for an immediate look at
 * any leg symptom; the host's safety screen asks every patient about both legs and a weakening leg as well).
 * Sudden severe pain alone is not a red flag; with loss of height, age 50 or over, thin bones or long-term steroids
 * (asked here only after sudden severe pain), or breastfeeding now or recently (read as thin bones), it is.
 * Loss of height alone is a consult.
 *
 * <p>Sources: each red flag (URGENT) cites the guidance that makes it one (the national cauda equina pathway, NICE
 * CKS). Every other fact rests on seed article {@value #SEED}, which cites no studies; its {@link Source} names the
 * section of the seed, and says so where a rule goes further than the seed or leaves a doubtful fact of it out.
 *
 * <p>No advice is given beside a red flag of this topic ({@link #NO_RED_FLAG}); exercise advice also waits while
 * any leg symptom, sudden severe pain or loss of height is to be checked ({@link #HOLD_EXERCISE}).
 */
@Extension
public final class PostpartumTopic implements Topic {

    /** Topic id: stored with every check-in, never change it. */
    public static final String ID = "postpartum";

    /** The seed article the content rests on. */
    static final String SEED = "004_a5cbf8c0782e5487.txt";

    // ---- question linkIds (stable: stored with every answer) ---------------------------------
    static final String INTRO = "intro";
    static final String PAIN_DURATION = "pain-duration";
    static final String NIGHT_PAIN = "night-pain";
    static final String ACTIVITY_WORSE = "activity-worse";
    static final String LEG_SYMPTOMS = "leg-symptoms";
    /** Asked after a leg symptom: in both legs, or getting worse. */
    static final String LEG_PATTERN = "leg-pattern";
    static final String SUDDEN_OR_HEIGHT = "sudden-or-height";
    /** Asked after sudden severe pain: thin bones or long-term steroid tablets. */
    static final String THIN_BONES = "thin-bones";
    static final String STOPPED_BREASTFEEDING = "stopped-breastfeeding";
    static final String CALCIUM = "calcium-vitamin-d";
    static final String LIFTING = "lifting";
    static final String FEEDING_POSTURE = "feeding-posture";
    static final String MATTRESS = "mattress";

    /** Seed, closing paragraph: back pain that lasts beyond six weeks needs a medical look. */
    static final int SIX_WEEKS = 6;

    // ---- guidance for the red flags ------------------------------------------------------------
    static final Source GIRFT_CES = Source.guideline("NHS England GIRFT", "GIRFT CES pathway",
            "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023,
            "https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-and-treat-cauda-equina-syndrome-without-delay/");
    static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS", "Back pain - low (without radiculopathy)", null,
            "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/");

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "postpartum.svg", 40);

    /** A recent birth, not breastfeeding now: the patient is asked whether they breastfed and stopped. */
    private static final Condition RECENT_BIRTH_NOT_FEEDING =
            Condition.all(Facts.recentBirth(), Condition.not(Facts.breastfeeding()));

    private static final List<Question> QUESTIONS = List.of(
            Question.info(INTRO, "q.intro.text")
                    .withHelp("q.intro.help"),

            Question.singleChoice(PAIN_DURATION, "q.duration.text",
                            AnswerOption.of("under-6-weeks", "q.duration.opt.under6weeks"),
                            AnswerOption.of("6-weeks-plus", "q.duration.opt.6weeksplus"),
                            AnswerOption.of("unsure", "q.duration.opt.unsure"))
                    .withHelp("q.duration.help"),

            Question.singleChoice(NIGHT_PAIN, "q.night.text",
                            AnswerOption.of("no", "q.night.opt.no"),
                            AnswerOption.of("eases-on-rising", "q.night.opt.easesonrising"),
                            AnswerOption.of("stays", "q.night.opt.stays"),
                            AnswerOption.of("no-position", "q.night.opt.noposition")),

            Question.yesNo(ACTIVITY_WORSE, "q.activity.text")
                    .withHelp("q.activity.help"),

            Question.multiChoice(LEG_SYMPTOMS, "q.legs.text",
                            AnswerOption.of("numbness", "q.legs.opt.numbness"),
                            AnswerOption.of("tingling", "q.legs.opt.tingling"),
                            AnswerOption.of("weakness", "q.legs.opt.weakness"),
                            AnswerOption.exclusive("none", "q.legs.opt.none"))
                    .withHelp("q.legs.help"),

            // Only after a leg symptom: both legs, or getting worse, is a red flag; one leg is a consult.
            Question.multiChoice(LEG_PATTERN, "q.legpattern.text",
                            AnswerOption.of("both-legs", "q.legpattern.opt.bothlegs"),
                            AnswerOption.of("worse", "q.legpattern.opt.worse"),
                            AnswerOption.exclusive("neither", "q.legpattern.opt.neither"))
                    .withHelp("q.legpattern.help")
                    .withEnableWhen(Condition.anyOf(LEG_SYMPTOMS, "numbness", "tingling", "weakness")),

            Question.multiChoice(SUDDEN_OR_HEIGHT, "q.sudden.text",
                            AnswerOption.of("sudden-severe", "q.sudden.opt.suddensevere"),
                            AnswerOption.of("height-loss", "q.sudden.opt.heightloss"),
                            AnswerOption.exclusive("none", "q.sudden.opt.none"))
                    .withHelp("q.sudden.help"),

            // Only after sudden severe pain: with thin bones or steroids it is a red flag. The host's safety
            // screen asks the same only after a minor fall, and a topic cannot read its answers.
            Question.yesNo(THIN_BONES, "q.thinbones.text")
                    .withHelp("q.thinbones.help")
                    .withEnableWhen(Condition.equals(SUDDEN_OR_HEIGHT, "sudden-severe")),

            // Breastfeeding now is a fact; having breastfed this baby and stopped is not, and the
            // bone loss of breastfeeding takes a while to recover.
            Question.yesNo(STOPPED_BREASTFEEDING, "q.stoppedfeeding.text")
                    .withHelp("q.stoppedfeeding.help")
                    .withEnableWhen(RECENT_BIRTH_NOT_FEEDING),

            Question.singleChoice(CALCIUM, "q.calcium.text",
                            AnswerOption.of("supplement", "q.calcium.opt.supplement"),
                            AnswerOption.of("food", "q.calcium.opt.food"),
                            AnswerOption.of("little", "q.calcium.opt.little"),
                            AnswerOption.of("unsure", "q.calcium.opt.unsure"))
                    .withHelp("q.calcium.help")
                    .withEnableWhen(Condition.any(Facts.recentBirth(), Facts.breastfeeding())),

            Question.singleChoice(LIFTING, "q.lifting.text",
                    AnswerOption.of("back-bent", "q.lifting.opt.backbent"),
                    AnswerOption.of("knees-bent", "q.lifting.opt.kneesbent"),
                    AnswerOption.of("varies", "q.lifting.opt.varies")),

            Question.singleChoice(FEEDING_POSTURE, "q.feeding.text",
                    AnswerOption.of("supported", "q.feeding.opt.supported"),
                    AnswerOption.of("hunched", "q.feeding.opt.hunched"),
                    AnswerOption.of("varies", "q.feeding.opt.varies"),
                    AnswerOption.of("not-feeding", "q.feeding.opt.notfeeding")),

            Question.singleChoice(MATTRESS, "q.mattress.text",
                    AnswerOption.of("supportive", "q.mattress.opt.supportive"),
                    AnswerOption.of("soft-sagging", "q.mattress.opt.softsagging"),
                    AnswerOption.of("too-hard", "q.mattress.opt.toohard"),
                    AnswerOption.of("unsure", "q.mattress.opt.unsure")));

    // ---- conditions shared by several rules ---------------------------------------------------

    /** Numbness, tingling or weakness in a leg. */
    private static final Condition LEG_SIGNS = Condition.anyOf(LEG_SYMPTOMS, "numbness", "tingling", "weakness");

    /** Leg symptoms in both legs: a red flag (cauda equina). */
    private static final Condition BOTH_LEGS = Condition.all(LEG_SIGNS, Condition.equals(LEG_PATTERN, "both-legs"));

    /** A leg getting weaker or more numb: a red flag, as on the host's safety screen. Worse tingling alone is not. */
    private static final Condition DEFICIT_WORSENING = Condition.all(
            Condition.anyOf(LEG_SYMPTOMS, "numbness", "weakness"), Condition.equals(LEG_PATTERN, "worse"));

    /** Sudden severe pain, or loss of height: a sign of a possible vertebral fracture. */
    private static final Condition FRACTURE_SIGNS = Condition.anyOf(SUDDEN_OR_HEIGHT, "sudden-severe", "height-loss");

    /** Feeding the baby breast milk now (the host's fact), or until recently. */
    private static final Condition LACTATING_OR_RECENT =
            Condition.any(Facts.breastfeeding(), Condition.yes(STOPPED_BREASTFEEDING));

    /**
     * The fracture red flag of the kiosk's severity policy: sudden severe pain with loss of height, age 50 or over
     * (the host's fact), thin bones or long-term steroids; the bone loss of breastfeeding, now or recently (seed,
     * section 2), counts as thin bones.
     */
    private static final Condition FRACTURE_RED_FLAG = Condition.all(
            Condition.equals(SUDDEN_OR_HEIGHT, "sudden-severe"),
            Condition.any(Condition.equals(SUDDEN_OR_HEIGHT, "height-loss"), Facts.aged50OrOver(),
                    Condition.yes(THIN_BONES), LACTATING_OR_RECENT));

    /** Night pain that no position eases: the general safety screen's red flag, asked again here. */
    private static final Condition NIGHT_NO_POSITION = Condition.equals(NIGHT_PAIN, "no-position");

    /** No red flag of this topic: every advice rule needs it. */
    static final Condition NO_RED_FLAG = Condition.not(
            Condition.any(BOTH_LEGS, DEFICIT_WORSENING, FRACTURE_RED_FLAG, NIGHT_NO_POSITION));

    /** Exercise advice waits while a leg symptom, sudden severe pain or loss of height is to be checked. */
    static final Condition HOLD_EXERCISE = Condition.any(LEG_SIGNS, FRACTURE_SIGNS, NIGHT_NO_POSITION);

    /** Worse at night or lying down, whatever happens on getting up. */
    private static final Condition NIGHT_ANY = Condition.anyOf(NIGHT_PAIN, "eases-on-rising", "stays", "no-position");

    /**
     * Some pain now or over the past week (the host's pain facts; any pain at all, not a severity
     * threshold), or pain at night: self-care for pain is relevant.
     */
    private static final Condition HAS_PAIN = Condition.any(
            Condition.atLeast(Facts.PAIN_NOW, 1), Condition.atLeast(Facts.PEG_PAIN, 1), NIGHT_ANY);

    private static Condition advice(Condition when) {
        return Condition.all(when, NO_RED_FLAG);
    }

    private static final List<Rule> RULES = List.of(
            // ---- URGENT --------------------------------------------------------------------
            Rule.of("nerve-both-legs", Severity.URGENT, BOTH_LEGS,
                    "rule.bothlegs.patient", "rule.bothlegs.clinician",
                    GIRFT_CES.at("red flags for suspected CES: leg symptoms on both sides; the same flag as the safety"
                            + " screen's 'both legs' question"))
                    .about(Symptom.BOTH_LEGS),

            Rule.of("nerve-getting-worse", Severity.URGENT, DEFICIT_WORSENING,
                    "rule.legworse.patient", "rule.legworse.clinician",
                    NICE_CKS.at("red flags: progressive neurological deficit in the legs; the same flag as the safety"
                            + " screen's 'one leg or foot getting weaker or more numb' question"))
                    .about(Symptom.LEG_WEAKENING),

            Rule.of("possible-vertebral-fracture", Severity.URGENT, FRACTURE_RED_FLAG,
                    "rule.fracture.patient", "rule.fracture.clinician",
                    NICE_CKS.at("red flags for fracture: sudden onset of severe pain with osteoporosis or steroids, and"
                            + " structural change (loss of height); the kiosk reads age 50 or over, and breastfeeding"
                            + " now or recently (lactation-associated bone loss, seed 004 section 2), as risk factors"))
                    .about(Symptom.SUDDEN_SEVERE_PAIN_WITH_FRACTURE_RISK),

            Rule.of("night-pain-no-position", Severity.URGENT, NIGHT_NO_POSITION,
                    "rule.nightnoposition.patient", "rule.nightnoposition.clinician",
                    NICE_CKS.at("red flags: night pain that no change of position eases (cancer, infection); the same"
                            + " flag as the safety screen's night-pain question"))
                    .about(Symptom.NIGHT_PAIN_NO_POSITION),

            // ---- CONSULT -------------------------------------------------------------------
            // Replaces the URGENT flag of plugin 0.1 for numbness, tingling or weakness in one leg.
            Rule.of("leg-nerve-signs", Severity.CONSULT,
                    Condition.all(LEG_SIGNS, Condition.not(BOTH_LEGS), Condition.not(DEFICIT_WORSENING)),
                    "rule.legs.patient", "rule.legs.clinician",
                    seed("closing paragraph: back pain with numbness, tingling or weakness in the legs needs"
                            + " medical evaluation (disc herniation, nerve compression); in one leg and not getting"
                            + " worse, CONSULT under the kiosk's severity policy, which the seed does not set"))
                    .about(Symptom.ONE_LEG),

            Rule.of("pain-beyond-six-weeks", Severity.CONSULT,
                    Condition.any(
                            Condition.equals(PAIN_DURATION, "6-weeks-plus"),
                            // Unsure how long, unless the birth (the host's fact) was under six weeks ago.
                            Condition.all(
                                    Condition.equals(PAIN_DURATION, "unsure"),
                                    Condition.not(Condition.atMost(Facts.WEEKS_SINCE_BIRTH, SIX_WEEKS - 1)))),
                    "rule.sixweeks.patient", "rule.sixweeks.clinician",
                    seed("closing paragraph: back pain that persists beyond six weeks needs medical evaluation;"
                            + " an unsure duration more than six weeks after the birth is flagged by the kiosk")),

            Rule.of("worse-with-activity", Severity.CONSULT,
                    Condition.yes(ACTIVITY_WORSE),
                    "rule.activity.patient", "rule.activity.clinician",
                    seed("closing paragraph: back pain that worsens with activity needs medical evaluation")),

            Rule.of("night-pain-persists", Severity.CONSULT,
                    Condition.equals(NIGHT_PAIN, "stays"),
                    "rule.nightstays.patient", "rule.nightstays.clinician",
                    seed("opening paragraph: persistent night-time back pain should be assessed by a specialist;"
                            + " pain that does not ease on getting up departs from the pattern the seed describes")),

            Rule.of("sudden-severe-pain", Severity.CONSULT,
                    Condition.all(Condition.equals(SUDDEN_OR_HEIGHT, "sudden-severe"), Condition.not(FRACTURE_RED_FLAG)),
                    "rule.sudden.patient", "rule.sudden.clinician",
                    seed("section 2, Postpartum Osteoporosis; the kiosk's severity policy: sudden severe pain alone"
                            + " is not a red flag, so the kiosk flags it for the consult"))
                    .about(Symptom.SUDDEN_SEVERE_PAIN),

            Rule.of("height-loss", Severity.CONSULT,
                    Condition.all(Condition.equals(SUDDEN_OR_HEIGHT, "height-loss"), Condition.not(FRACTURE_RED_FLAG)),
                    "rule.heightloss.patient", "rule.heightloss.clinician",
                    seed("section 2, Postpartum Osteoporosis: lactation-associated bone loss; loss of height as a sign"
                            + " of vertebral fracture is the kiosk's addition, a consult without sudden severe pain")),

            // ---- INFO (clinician only) ------------------------------------------------------
            Rule.of("note-night-pattern", Severity.INFO,
                    Condition.equals(NIGHT_PAIN, "eases-on-rising"),
                    null, "rule.nightpattern.clinician",
                    seed("sections 1 and 2 and Other Contributing Factors: mild lumbar spondylolisthesis, lactation-"
                            + "associated bone loss and myofascial pain ease on rising; the seed's lumbar osteophytes"
                            + " (section 3) are left out, as they do not form within the months of a pregnancy;"
                            + " inflammatory back pain (NICE NG65) added by the kiosk")),

            Rule.of("note-lactation-bone", Severity.INFO,
                    Condition.all(
                            LACTATING_OR_RECENT,
                            Condition.any(NIGHT_ANY, FRACTURE_SIGNS, Condition.anyOf(CALCIUM, "little", "unsure"))),
                    null, "rule.lactationbone.clinician",
                    seed("section 2, Postpartum Osteoporosis: calcium drawn into breast milk, deep ache at rest or"
                            + " at night, DEXA, calcium and vitamin D; the seed's 'active vitamin D (calcitriol)' is"
                            + " not routine, so the note names colecalciferol; bisphosphonates used with care")),

            // ---- ADVICE: none beside a red flag ----------------------------------------------
            Rule.of("advice-core-exercise", Severity.ADVICE,
                    advice(Condition.all(Condition.equals(NIGHT_PAIN, "eases-on-rising"), Condition.not(HOLD_EXERCISE))),
                    "rule.core.patient", "rule.core.clinician",
                    seed("section 1, Mild Lumbar Spondylolisthesis: bridge and bird-dog for lumbar stability, built"
                            + " up gradually under professional guidance; held back by the kiosk while leg symptoms,"
                            + " sudden severe pain or loss of height are to be checked")),

            Rule.of("advice-pelvic-core-rehab", Severity.ADVICE,
                    advice(Condition.all(Facts.recentBirth(), Condition.not(HOLD_EXERCISE))),
                    "rule.rehab.patient", "rule.rehab.clinician",
                    seed("Other Contributing Factors and Relief Strategies: pelvic floor and core rehabilitation"
                            + " reduces postpartum back pain and improves function; held back by the kiosk while leg"
                            + " symptoms, sudden severe pain or loss of height are to be checked")),

            Rule.of("advice-calcium-vitamin-d", Severity.ADVICE,
                    advice(Condition.anyOf(CALCIUM, "food", "little", "unsure")),
                    "rule.calcium.patient", "rule.calcium.clinician",
                    seed("section 2, Postpartum Osteoporosis: breastfeeding draws calcium from the bones; calcium"
                            + " and vitamin D supplementation")),

            Rule.of("advice-warmth-massage", Severity.ADVICE, advice(HAS_PAIN),
                    "rule.warmth.patient", "rule.warmth.clinician",
                    seed("Other Contributing Factors and Relief Strategies: warm compresses and light self-massage"
                            + " for myofascial pain; section 3: heat therapy and gentle massage")),

            Rule.of("advice-topical-check", Severity.ADVICE,
                    advice(Condition.all(HAS_PAIN, Facts.medicineCaution())),
                    "rule.topicalcheck.patient", "rule.topicalcheck.clinician",
                    seed("section 3, Lumbar Bone Spurs: topical anti-inflammatory patches only under medical"
                            + " supervision while nursing; Other Contributing Factors: topical analgesics when approved;"
                            + " the same caution in pregnancy or possible pregnancy is the kiosk's own")),

            Rule.of("advice-topical-relief", Severity.ADVICE,
                    advice(Condition.all(HAS_PAIN, Condition.not(Facts.medicineCaution()))),
                    "rule.topical.patient", "rule.topical.clinician",
                    seed("Other Contributing Factors and Relief Strategies: over-the-counter topical analgesics"
                            + " (diclofenac gel, flurbiprofen plasters) once a clinician has approved them; held back"
                            + " while breastfeeding (section 3) and, by the kiosk, in pregnancy or possible pregnancy")),

            Rule.of("advice-feeding-support", Severity.ADVICE,
                    advice(Condition.anyOf(FEEDING_POSTURE, "hunched", "varies")),
                    "rule.feeding.patient", "rule.feeding.clinician",
                    seed("Other Contributing Factors and Relief Strategies: supportive pillows while feeding and"
                            + " good posture")),

            Rule.of("advice-lifting", Severity.ADVICE,
                    advice(Condition.anyOf(LIFTING, "back-bent", "varies")),
                    "rule.lifting.patient", "rule.lifting.clinician",
                    seed("Other Contributing Factors and Relief Strategies: picking up the baby again and again"
                            + " without bending the knees")),

            Rule.of("advice-footwear", Severity.ADVICE,
                    advice(Condition.yes(ACTIVITY_WORSE)),
                    "rule.footwear.patient", "rule.footwear.clinician",
                    seed("Other Contributing Factors and Relief Strategies: supportive footwear and good posture;"
                            + " kept by the kiosk as comfort advice only, never as a treatment, as NICE NG59 advises"
                            + " against foot orthotics for low back pain")),

            Rule.of("advice-mattress", Severity.ADVICE,
                    advice(Condition.anyOf(MATTRESS, "soft-sagging", "too-hard", "unsure")),
                    "rule.mattress.patient", "rule.mattress.clinician",
                    seed("Other Contributing Factors and Relief Strategies: an unsupportive mattress can set off"
                            + " muscle pain that flares at night")));

    private static Source seed(String section) {
        return new Source(SEED, section);
    }

    @Override
    public TopicInfo info() {
        return INFO;
    }

    @Override
    public List<Question> questions() {
        return QUESTIONS;
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }
}
