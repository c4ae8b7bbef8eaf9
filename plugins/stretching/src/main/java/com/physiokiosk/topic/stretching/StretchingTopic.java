package com.physiokiosk.topic.stretching;

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
 * Back pain that got worse after stretching: how and when it got worse, nerve symptoms in the
 * legs, known spine conditions, which stretches and how they are done, a recent return to
 * exercise, and the balance between tummy and back muscles; then safer-stretching advice.
 *
 * <p>How bad the pain is now is one of the host's shared {@link Facts}, asked once before any topic;
 * the host itself flags severe pain for the physiotherapist, so this topic neither asks for a pain
 * score nor repeats that flag.
 *
 * <p>Sources: each red flag (URGENT) cites the guidance that makes it one (the national cauda equina pathway for
 * symptoms in both legs, NICE CKS for a leg getting weaker or more numb). Every other fact rests on seed article
 * {@value #SEED}, which cites no studies; its {@link Source} names the section of the seed (by its heading), and
 * says so where a rule goes further than the seed.
 *
 * <p>Severities follow the kiosk's policy, the same in every topic: pain, tingling, numbness or weakness in one leg
 * is CONSULT (a foot that catches too: the host's safety screen asks every patient whether a leg or foot is getting
 * weaker); in both legs, or a leg getting weaker or more numb, it is URGENT. No advice is given beside a red flag,
 * and no advice on how to stretch or build up while the patient is asked to pause stretching ({@link #PAUSE_STRETCHING}).
 */
@Extension
public final class StretchingTopic implements Topic {

    /** Topic id: stored with every check-in, never change it. */
    public static final String ID = "stretching";

    /** The seed article the content rests on. */
    static final String SEED = "002_3884f06a989bdb52.txt";

    // ---- question linkIds (stable: stored with every answer) ---------------------------------
    static final String INTRO = "intro";
    static final String PAIN_CHANGE = "pain-change";
    static final String LEG_SYMPTOMS = "leg-symptoms";
    static final String LEG_PATTERN = "leg-pattern";
    static final String SPINE_CONDITION = "spine-condition";
    static final String STRETCHES = "stretches";
    static final String HOLD_TIME = "hold-time";
    static final String TECHNIQUE = "technique";
    static final String NEW_EXERCISE = "new-exercise";
    static final String MUSCLE_BALANCE = "muscle-balance";

    // ---- guidance for the red flags ------------------------------------------------------------
    static final Source GIRFT_CES = Source.guideline("NHS England GIRFT", "GIRFT CES pathway",
            "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023,
            "https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-and-treat-cauda-equina-syndrome-without-delay/");
    static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS", "Back pain - low (without radiculopathy)", null,
            "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/");

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "stretching.svg", 20);

    private static final List<Question> QUESTIONS = List.of(
            Question.info(INTRO, "q.intro.text")
                    .withHelp("q.intro.help"),

            Question.multiChoice(PAIN_CHANGE, "q.painchange.text",
                            AnswerOption.of("sudden", "q.painchange.opt.sudden"),
                            AnswerOption.of("during", "q.painchange.opt.during"),
                            AnswerOption.of("after", "q.painchange.opt.after"),
                            AnswerOption.exclusive("not-worse", "q.painchange.opt.notworse"))
                    .withHelp("q.painchange.help"),

            Question.multiChoice(LEG_SYMPTOMS, "q.leg.text",
                            AnswerOption.of("shooting", "q.leg.opt.shooting"),
                            AnswerOption.of("tingling", "q.leg.opt.tingling"),
                            AnswerOption.of("numbness", "q.leg.opt.numbness"),
                            AnswerOption.of("weakness", "q.leg.opt.weakness"),
                            AnswerOption.exclusive("none", "q.leg.opt.none"))
                    .withHelp("q.leg.help"),

            // Only for patients with a leg symptom: both legs, or getting worse, is a red flag.
            Question.multiChoice(LEG_PATTERN, "q.legpattern.text",
                            AnswerOption.of("both-legs", "q.legpattern.opt.bothlegs"),
                            AnswerOption.of("worse", "q.legpattern.opt.worse"),
                            AnswerOption.exclusive("neither", "q.legpattern.opt.neither"))
                    .withHelp("q.legpattern.help")
                    .withEnableWhen(Condition.all(
                            Condition.answered(LEG_SYMPTOMS),
                            Condition.not(Condition.equals(LEG_SYMPTOMS, "none")))),

            Question.multiChoice(SPINE_CONDITION, "q.spine.text",
                            AnswerOption.of("disc-herniation", "q.spine.opt.herniation"),
                            AnswerOption.of("disc-degeneration", "q.spine.opt.degeneration"),
                            AnswerOption.of("spine-injury", "q.spine.opt.injury"),
                            AnswerOption.of("misalignment", "q.spine.opt.misalignment"),
                            AnswerOption.of("other", "q.spine.opt.other"),
                            AnswerOption.exclusive("none", "q.spine.opt.none"))
                    .withHelp("q.spine.help"),

            Question.multiChoice(STRETCHES, "q.stretches.text",
                            AnswerOption.of("bend-forward", "q.stretches.opt.bendforward"),
                            AnswerOption.of("knees-to-chest", "q.stretches.opt.kneestochest"),
                            AnswerOption.of("arch-back", "q.stretches.opt.archback"),
                            AnswerOption.of("twist", "q.stretches.opt.twist"),
                            AnswerOption.of("side-bend", "q.stretches.opt.sidebend"),
                            AnswerOption.of("hip-thigh", "q.stretches.opt.hipthigh"),
                            AnswerOption.exclusive("not-sure", "q.stretches.opt.notsure"))
                    .withHelp("q.stretches.help"),

            Question.singleChoice(HOLD_TIME, "q.hold.text",
                    AnswerOption.of("under-20", "q.hold.opt.under20"),
                    AnswerOption.of("20-to-30", "q.hold.opt.20to30"),
                    AnswerOption.of("over-30", "q.hold.opt.over30"),
                    AnswerOption.of("unsure", "q.hold.opt.unsure")),

            Question.multiChoice(TECHNIQUE, "q.technique.text",
                            AnswerOption.of("bounce", "q.technique.opt.bounce"),
                            AnswerOption.of("into-pain", "q.technique.opt.intopain"),
                            AnswerOption.of("rush", "q.technique.opt.rush"),
                            AnswerOption.exclusive("none", "q.technique.opt.none"))
                    .withHelp("q.technique.help"),

            Question.yesNo(NEW_EXERCISE, "q.newexercise.text")
                    .withHelp("q.newexercise.help"),

            Question.singleChoice(MUSCLE_BALANCE, "q.balance.text",
                            AnswerOption.of("tummy-stronger", "q.balance.opt.tummy"),
                            AnswerOption.of("back-stronger", "q.balance.opt.back"),
                            AnswerOption.of("similar", "q.balance.opt.similar"),
                            AnswerOption.of("unsure", "q.balance.opt.unsure"))
                    .withHelp("q.balance.help"));

    // ---- conditions shared by several rules ---------------------------------------------------

    /** Any nerve-type symptom in a leg. */
    private static final Condition NERVE_SYMPTOMS =
            Condition.anyOf(LEG_SYMPTOMS, "shooting", "tingling", "numbness", "weakness");

    /** The back hurt more during or after stretching, or gave a sudden sharp pain. */
    private static final Condition WORSE_AFTER_STRETCHING =
            Condition.anyOf(PAIN_CHANGE, "sudden", "during", "after");

    /** A back condition the patient has been told about. */
    private static final Condition KNOWN_SPINE_CONDITION = Condition.anyOf(SPINE_CONDITION,
            "disc-herniation", "disc-degeneration", "spine-injury", "misalignment", "other");

    /** A possible mechanical or structural problem: sudden sharp pain, or a known condition made worse. */
    private static final Condition STRUCTURAL_SUSPECTED = Condition.any(
            Condition.equals(PAIN_CHANGE, "sudden"),
            Condition.all(KNOWN_SPINE_CONDITION, WORSE_AFTER_STRETCHING));

    /** The patient is told to pause stretching until checked, so no how-to-stretch or build-up advice is given. */
    static final Condition PAUSE_STRETCHING = Condition.any(NERVE_SYMPTOMS, STRUCTURAL_SUSPECTED);

    /** Symptoms in both legs, or moving from one leg to the other: a red flag. */
    private static final Condition BOTH_LEGS = Condition.all(NERVE_SYMPTOMS, Condition.equals(LEG_PATTERN, "both-legs"));

    /**
     * A leg getting weaker or more numb: a red flag, as on the host's safety screen. Pain or tingling that gets
     * worse, with no numbness or weakness, stays a consult (one-sided leg pain or tingling is CONSULT everywhere).
     */
    private static final Condition DEFICIT_WORSENING = Condition.all(
            Condition.anyOf(LEG_SYMPTOMS, "numbness", "weakness"), Condition.equals(LEG_PATTERN, "worse"));

    /** No red flag of this topic: every advice rule needs it. */
    static final Condition NO_RED_FLAG = Condition.not(Condition.any(BOTH_LEGS, DEFICIT_WORSENING));

    private static Condition advice(Condition when) {
        return Condition.all(when, NO_RED_FLAG);
    }

    /** Something in how the patient stretches goes against the seed's advice. */
    private static final Condition TECHNIQUE_FAULT = Condition.any(
            Condition.anyOf(TECHNIQUE, "bounce", "into-pain", "rush"),
            Condition.anyOf(HOLD_TIME, "under-20", "over-30", "unsure"));

    private static final List<Rule> RULES = List.of(
            // ---- URGENT --------------------------------------------------------------------
            Rule.of("nerve-both-legs", Severity.URGENT, BOTH_LEGS,
                    "rule.bothlegs.patient", "rule.bothlegs.clinician",
                    GIRFT_CES.at("red flags for suspected CES: leg symptoms on both sides (or alternating); the same"
                            + " flag as the safety screen's 'both legs' question"))
                    .about(Symptom.BOTH_LEGS),

            Rule.of("nerve-getting-worse", Severity.URGENT, DEFICIT_WORSENING,
                    "rule.nerveworse.patient", "rule.nerveworse.clinician",
                    NICE_CKS.at("red flags: progressive neurological deficit in the legs; the same flag as the safety"
                            + " screen's 'one leg or foot getting weaker or more numb' question"))
                    .about(Symptom.LEG_WEAKENING),

            // ---- CONSULT -------------------------------------------------------------------
            Rule.of("nerve-symptoms", Severity.CONSULT,
                    Condition.all(NERVE_SYMPTOMS, NO_RED_FLAG),
                    "rule.nerve.patient", "rule.nerve.clinician",
                    seed("Proper Mechanics: a spinal problem pressing on nerves; Stretching the Proper Muscles:"
                            + " pain carried along the nerves from elsewhere"))
                    .about(Symptom.ONE_LEG),

            Rule.of("leg-weakness", Severity.CONSULT,
                    Condition.all(Condition.equals(LEG_SYMPTOMS, "weakness"), NO_RED_FLAG),
                    "rule.weakness.patient", "rule.weakness.clinician",
                    seed("Proper Mechanics: pressure on the nerves; a separate note for weakness (a foot that"
                            + " catches: possible foot drop) is the kiosk's own; CONSULT unless it is getting worse, as"
                            + " the kiosk's severity policy sets for one leg"))
                    .about(Symptom.ONE_LEG),

            Rule.of("structural-sudden-pain", Severity.CONSULT,
                    Condition.equals(PAIN_CHANGE, "sudden"),
                    "rule.sudden.patient", "rule.sudden.clinician",
                    seed("Proper Mechanics: a mechanical or structural problem, stop stretching and see a doctor;"
                            + " Pushing Too Hard, Too Fast: micro-tears and muscle strains")),

            Rule.of("structural-known-condition", Severity.CONSULT,
                    Condition.all(KNOWN_SPINE_CONDITION, WORSE_AFTER_STRETCHING),
                    "rule.structural.patient", "rule.structural.clinician",
                    seed("Proper Mechanics: stretching can aggravate degenerative disc disease or a herniated"
                            + " disc; stop stretching and see a doctor")),

            // ---- INFO (clinician only) ------------------------------------------------------
            Rule.of("spine-condition-note", Severity.INFO,
                    Condition.all(KNOWN_SPINE_CONDITION, Condition.equals(PAIN_CHANGE, "not-worse")),
                    null, "rule.spinenote.clinician",
                    seed("Proper Mechanics: existing disc disease, herniation, injury or misalignment")),

            Rule.of("stretch-routine", Severity.INFO,
                    Condition.anyOf(STRETCHES, "bend-forward", "knees-to-chest", "arch-back", "twist", "side-bend",
                            "hip-thigh"),
                    null, "rule.routine.clinician",
                    seed("Stretching the Proper Muscles: stretching the wrong muscles can add pain")),

            Rule.of("deconditioned", Severity.INFO,
                    Condition.yes(NEW_EXERCISE),
                    null, "rule.deconditioned.clinician",
                    seed("Pushing Too Hard, Too Fast: years of inactivity, then a sudden start")),

            Rule.of("muscle-imbalance", Severity.INFO,
                    Condition.anyOf(MUSCLE_BALANCE, "tummy-stronger", "back-stronger"),
                    null, "rule.imbalance.clinician",
                    seed("Muscular Imbalance: abdominals stronger than the back muscles")),

            // ---- ADVICE --------------------------------------------------------------------
            Rule.of("advice-stretch-gently", Severity.ADVICE,
                    advice(Condition.all(
                            Condition.any(TECHNIQUE_FAULT, WORSE_AFTER_STRETCHING),
                            Condition.not(PAUSE_STRETCHING))),
                    "rule.gently.patient", "rule.gently.clinician",
                    seed("Pushing Too Hard, Too Fast: stretch to a feeling of lengthening, hold 20 to 30 seconds,"
                            + " not into serious pain; no-bouncing wording is the kiosk's own")),

            Rule.of("advice-build-up", Severity.ADVICE,
                    advice(Condition.all(
                            Condition.any(Condition.yes(NEW_EXERCISE), Condition.anyOf(TECHNIQUE, "rush", "into-pain")),
                            Condition.not(PAUSE_STRETCHING))),
                    "rule.buildup.patient", "rule.buildup.clinician",
                    seed("Pushing Too Hard, Too Fast: muscles need time to get used to lengthening; held back while"
                            + " the patient is asked to pause stretching, by the kiosk")),

            Rule.of("advice-core-balance", Severity.ADVICE,
                    advice(Condition.any(
                            Condition.anyOf(MUSCLE_BALANCE, "tummy-stronger", "back-stronger", "unsure"),
                            Condition.equals(SPINE_CONDITION, "misalignment"))),
                    "rule.core.patient", "rule.core.clinician",
                    seed("Muscular Imbalance: muscle-balancing and core exercises; Proper Mechanics: exercises to"
                            + " stabilise the back muscles")),

            Rule.of("advice-target-muscles", Severity.ADVICE,
                    advice(Condition.any(WORSE_AFTER_STRETCHING, Condition.equals(STRETCHES, "not-sure"))),
                    "rule.target.patient", "rule.target.clinician",
                    seed("Stretching the Proper Muscles: find the cause of the pain and the right muscles to"
                            + " target")));

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
