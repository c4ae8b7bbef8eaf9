package com.physiokiosk.topic.sexualactivity;

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
 * Back pain and intimacy: when the pain starts and how long it lasts, which movements provoke it,
 * known spine conditions, warning signs (urinary or kidney-type symptoms, fever, a change of
 * feeling in the genital or saddle area), painkillers taken to be able to carry on, mood, and plain
 * self-care advice.
 *
 * <p>How strong the pain is, and whether the patient is pregnant, may be pregnant or is
 * breastfeeding, are the host's shared {@link Facts}, asked once before any topic: this topic reads
 * them and never asks them again. The host itself flags severe pain and notes a pregnancy or
 * breastfeeding for the physiotherapist, so no rule here repeats that.
 *
 * <p>This is a sensitive topic, marked so ({@link TopicInfo#asSensitive()}): the kiosk keeps its advice off the
 * screen (the patient is told their physiotherapist will go through it, and gets it on paper). Its title on screen
 * is neutral, the questions say "intimacy", and the consult notes the kiosk does show name nothing that would
 * embarrass the patient if read over the shoulder.
 *
 * <p>Sources: each red flag (URGENT) cites the guidance that makes it one (the national cauda equina pathway, NICE
 * CKS for fever). Other facts rest on seed articles {@value #SEED_000} and {@value #SEED_001}: each {@link Source}
 * names the study the seed cites, or else the section of the seed, and says so where a rule goes further. Where
 * the seed goes against guidance ("slow down and wait for healing", "avoid those positions"), the advice follows
 * NICE NG59 instead ("ease off, then build up") and cites it.
 *
 * <p>No advice is given beside a red flag of this topic ({@link #NO_RED_FLAG}); reassurance that the pain usually
 * settles is given only when every warning question was answered no.
 */
@Extension
public final class SexualActivityTopic implements Topic {

    /** Topic id: stored with every check-in, never change it. */
    public static final String ID = "sexual-activity";

    /** Seed article: "Why do I have back pain after being sexually active?". */
    static final String SEED_000 = "000_c78e4aa8519698dc.txt";

    /** Seed article: "How love making can relieve back pain". */
    static final String SEED_001 = "001_f0239f123ba0a3af.txt";

    // ---- question linkIds (stable: stored with every answer) ---------------------------------
    static final String INTRO = "intro";
    static final String TIMING = "timing";
    static final String DURATION = "duration";
    static final String PATTERN = "pattern";
    static final String MOVEMENT = "movement";
    static final String MATTRESS = "mattress";
    static final String SPINE_CONDITION = "spine-condition";
    static final String FRACTURE_RECENT = "fracture-recent";
    static final String SYMPTOMS = "symptoms";
    static final String SENSATION_CHANGE = "sensation-change";
    static final String PAIN_RELIEF_BEFORE = "pain-relief-before";
    static final String FEELINGS = "feelings";

    /** The illustration template of the movement question (src/main/jte). */
    static final String MOVEMENT_ILLUSTRATION = "movement.jte";

    // ---- guidance ----------------------------------------------------------------------------
    static final Source GIRFT_CES = Source.guideline("NHS England GIRFT", "GIRFT CES pathway",
            "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023,
            "https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-and-treat-cauda-equina-syndrome-without-delay/");
    static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS", "Back pain - low (without radiculopathy)", null,
            "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/");
    static final Source NICE_NG59 = Source.guideline("NICE", "NICE NG59",
            "Low back pain and sciatica in over 16s: assessment and management", 2016,
            "https://www.nice.org.uk/guidance/ng59");
    /** The two studies of spine motion during intercourse, men (2014, cited in seed 000) and women (2015, seed 001). */
    static final Source SIDORKEWICZ_MCGILL = new Source(
            "Sidorkewicz N, McGill SM: Spine 2014;39(20):1633 (men) and Eur Spine J 2015;24(3):513-520 (women)",
            "different positions spared the spine in men and in women, so the advice is worded for everyone (back"
                    + " fairly straight, movement from the hips), the kiosk's reading of both; cited in seeds 000 and 001");
    static final Source KOVACS_2003 = Source.study("Kovacs FM et al., Lancet 2003;362:1599-604", 2003);

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "sexual-activity.svg", 10).asSensitive();

    private static final List<Question> QUESTIONS = List.of(
            Question.info(INTRO, "q.intro.text")
                    .withHelp("q.intro.help"),

            Question.multiChoice(TIMING, "q.timing.text",
                            AnswerOption.of("during", "q.timing.opt.during"),
                            AnswerOption.of("after", "q.timing.opt.after"),
                            AnswerOption.of("next-morning", "q.timing.opt.nextmorning"),
                            AnswerOption.exclusive("unsure", "q.timing.opt.unsure"))
                    .withHelp("q.timing.help"),

            Question.singleChoice(DURATION, "q.duration.text",
                    AnswerOption.of("hours", "q.duration.opt.hours"),
                    AnswerOption.of("day", "q.duration.opt.day"),
                    AnswerOption.of("days", "q.duration.opt.days"),
                    AnswerOption.of("ongoing", "q.duration.opt.ongoing")),

            Question.singleChoice(PATTERN, "q.pattern.text",
                    AnswerOption.of("new", "q.pattern.opt.new"),
                    AnswerOption.of("long-standing", "q.pattern.opt.longstanding"),
                    AnswerOption.of("unsure", "q.pattern.opt.unsure")),

            Question.multiChoice(MOVEMENT, "q.movement.text",
                            AnswerOption.of("bending-forward", "q.movement.opt.forward"),
                            AnswerOption.of("arching-back", "q.movement.opt.arching"),
                            AnswerOption.exclusive("unsure", "q.movement.opt.unsure"))
                    .withHelp("q.movement.help")
                    .withIllustration(MOVEMENT_ILLUSTRATION),

            // Only for pain that comes the next morning, where the bed may play a part.
            Question.singleChoice(MATTRESS, "q.mattress.text",
                            AnswerOption.of("soft", "q.mattress.opt.soft"),
                            AnswerOption.of("medium-firm", "q.mattress.opt.mediumfirm"),
                            AnswerOption.of("firm", "q.mattress.opt.firm"),
                            AnswerOption.of("sagging", "q.mattress.opt.sagging"),
                            AnswerOption.of("unsure", "q.mattress.opt.unsure"))
                    .withHelp("q.mattress.help")
                    .withEnableWhen(Condition.equals(TIMING, "next-morning")),

            Question.multiChoice(SPINE_CONDITION, "q.spine.text",
                            AnswerOption.of("disc", "q.spine.opt.disc"),
                            AnswerOption.of("degeneration", "q.spine.opt.degeneration"),
                            AnswerOption.of("fracture", "q.spine.opt.fracture"),
                            AnswerOption.of("other", "q.spine.opt.other"),
                            AnswerOption.exclusive("none", "q.spine.opt.none"))
                    .withHelp("q.spine.help"),

            // Only for a patient who has had a spinal fracture.
            Question.yesNo(FRACTURE_RECENT, "q.fracturerecent.text")
                    .withHelp("q.fracturerecent.help")
                    .withEnableWhen(Condition.equals(SPINE_CONDITION, "fracture")),

            Question.multiChoice(SYMPTOMS, "q.symptoms.text",
                            AnswerOption.of("pelvic-pain", "q.symptoms.opt.pelvic"),
                            AnswerOption.of("burning-urine", "q.symptoms.opt.burning"),
                            AnswerOption.of("flank-pain", "q.symptoms.opt.flank"),
                            AnswerOption.of("fever", "q.symptoms.opt.fever"),
                            AnswerOption.of("urine-control", "q.symptoms.opt.urinecontrol"),
                            AnswerOption.exclusive("none", "q.symptoms.opt.none"))
                    .withHelp("q.symptoms.help"),

            Question.yesNo(SENSATION_CHANGE, "q.sensation.text")
                    .withHelp("q.sensation.help"),

            Question.yesNo(PAIN_RELIEF_BEFORE, "q.painrelief.text")
                    .withHelp("q.painrelief.help"),

            Question.multiChoice(FEELINGS, "q.feelings.text",
                            AnswerOption.of("low-mood", "q.feelings.opt.lowmood"),
                            AnswerOption.of("worry", "q.feelings.opt.worry"),
                            AnswerOption.of("avoiding", "q.feelings.opt.avoiding"),
                            AnswerOption.exclusive("none", "q.feelings.opt.none"))
                    .withHelp("q.feelings.help"));

    // ---- conditions shared by several rules ---------------------------------------------------

    private static final Condition FEVER = Condition.equals(SYMPTOMS, "fever");

    /** Urinary, kidney-type or pelvic symptoms that may come from outside the spine. */
    private static final Condition URINARY_KIDNEY_OR_PELVIC =
            Condition.anyOf(SYMPTOMS, "burning-urine", "flank-pain", "pelvic-pain");

    /** Some pain right now or on average over the past week (the host's pain facts); not a severity threshold. */
    private static final Condition SOME_PAIN =
            Condition.any(Condition.atLeast(Facts.PAIN_NOW, 1), Condition.atLeast(Facts.PEG_PAIN, 1));

    private static final Condition FORWARD_HURTS = Condition.equals(MOVEMENT, "bending-forward");
    private static final Condition ARCHING_HURTS = Condition.equals(MOVEMENT, "arching-back");

    /** A change of feeling in the genital or saddle area: a cauda equina red flag. */
    private static final Condition SENSATION = Condition.yes(SENSATION_CHANGE);
    /** New trouble passing or holding urine: a cauda equina red flag. */
    private static final Condition BLADDER = Condition.equals(SYMPTOMS, "urine-control");

    /** No red flag of this topic: every advice rule needs it. */
    static final Condition NO_RED_FLAG = Condition.not(Condition.any(SENSATION, BLADDER, FEVER));

    /** Every warning question answered no: the only time the patient is told the pain usually settles. */
    private static final Condition NO_WARNING_SIGN = Condition.all(
            Condition.equals(SYMPTOMS, "none"), Condition.equals(SENSATION_CHANGE, "no"));

    /** A known disc problem or wear and tear, without a fracture in the last three months. */
    private static final Condition DISC_OR_WEAR = Condition.all(
            Condition.anyOf(SPINE_CONDITION, "disc", "degeneration"), Condition.not(Condition.yes(FRACTURE_RECENT)));

    private static Condition advice(Condition when) {
        return Condition.all(when, NO_RED_FLAG);
    }

    private static final List<Rule> RULES = List.of(
            // ---- URGENT --------------------------------------------------------------------
            Rule.of("genital-numbness", Severity.URGENT, SENSATION,
                    "rule.numbness.patient", "rule.numbness.clinician",
                    GIRFT_CES.at("red flags for suspected CES: saddle or genital numbness, or a change of sensation"
                            + " during intercourse; the same flag as the safety screen's saddle question"))
                    .about(Symptom.SADDLE),

            Rule.of("new-bladder-trouble", Severity.URGENT, BLADDER,
                    "rule.bladder.patient", "rule.bladder.clinician",
                    GIRFT_CES.at("red flags for suspected CES: new difficulty passing urine, loss of bladder"
                            + " sensation or leaking; the same flag as the safety screen's bladder question"))
                    .about(Symptom.BLADDER),

            Rule.of("fever-with-urinary-signs", Severity.URGENT,
                    Condition.all(FEVER, URINARY_KIDNEY_OR_PELVIC),
                    "rule.feverurinary.patient", "rule.feverurinary.clinician",
                    NICE_CKS.at("red flags: fever with back pain (possible infection), here with urinary, loin or"
                            + " pelvic symptoms (seed 000: an infection rising to the kidneys, pelvic inflammation);"
                            + " the same flag as the safety screen's fever question"))
                    .about(Symptom.FEVER_OR_UNWELL),

            Rule.of("fever", Severity.URGENT,
                    Condition.all(FEVER, Condition.not(URINARY_KIDNEY_OR_PELVIC)),
                    "rule.fever.patient", "rule.fever.clinician",
                    NICE_CKS.at("red flags: fever with back pain (possible infection); the same flag as the safety"
                            + " screen's fever question"))
                    .about(Symptom.FEVER_OR_UNWELL),

            // ---- CONSULT -------------------------------------------------------------------
            Rule.of("urinary-or-kidney-signs", Severity.CONSULT,
                    Condition.all(Condition.anyOf(SYMPTOMS, "burning-urine", "flank-pain"), Condition.not(FEVER)),
                    "rule.urinary.patient", "rule.urinary.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?': a urinary"
                            + " infection can travel up to the kidneys and cause one- or two-sided back pain")),

            Rule.of("pelvic-pain", Severity.CONSULT,
                    Condition.all(Condition.equals(SYMPTOMS, "pelvic-pain"), Condition.not(FEVER)),
                    "rule.pelvic.patient", "rule.pelvic.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?': back and pelvic"
                            + " pain after sex need closer checking; pelvic inflammation, urinary infection,"
                            + " sexually transmitted infection")),

            Rule.of("lasting-pain", Severity.CONSULT,
                    Condition.anyOf(DURATION, "days", "ongoing"),
                    "rule.lasting.patient", "rule.lasting.clinician",
                    new Source(SEED_000, "sections 'Should I worry about back pain after sex?' and 'How can I"
                            + " relieve back pain after sex?': pain lasting days without relief, or that does not"
                            + " go away")),

            Rule.of("recent-spinal-fracture", Severity.CONSULT,
                    Condition.yes(FRACTURE_RECENT),
                    "rule.fracture.patient", "rule.fracture.clinician",
                    new Source(SEED_001, "section 'Slow down and wait for healing to occur': structural injury"
                            + " such as a spinal fracture needs weeks to heal; the three-month window is the"
                            + " kiosk's own")),

            // ---- INFO (clinician only) ------------------------------------------------------
            Rule.of("new-activity", Severity.INFO,
                    Condition.equals(PATTERN, "new"),
                    null, "rule.newactivity.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?', paragraph 2:"
                            + " new or unaccustomed movements")),

            Rule.of("recurring-pattern", Severity.INFO,
                    Condition.equals(PATTERN, "long-standing"),
                    null, "rule.recurring.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?', paragraph 3:"
                            + " recurring pain in a long-established pattern may reflect an underlying back"
                            + " problem, from posture to disc herniation")),

            Rule.of("known-spine-condition", Severity.INFO,
                    Condition.anyOf(SPINE_CONDITION, "disc", "degeneration", "fracture", "other"),
                    null, "rule.spine.clinician",
                    new Source(SEED_001, "Maher and Buchbinder 2017, cited in section 'It is more helpful in"
                            + " patients with non-specific back pain'; sections 'Slow down' and 'Avoid masking'")),

            Rule.of("low-mood", Severity.INFO,
                    Condition.equals(FEELINGS, "low-mood"),
                    null, "rule.lowmood.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " depression and low mood as source, trigger or aggravating factor")),

            Rule.of("fear-avoidance", Severity.INFO,
                    Condition.anyOf(FEELINGS, "worry", "avoiding"),
                    null, "rule.fear.clinician",
                    new Source(SEED_001, "Monga, Monga, Tan and Grabois 1999, Sexuality and Disability 17(4):"
                            + " pain interfered with performance in most patients, 64% reported more back pain,"
                            + " 56% feared aggravating it")),

            // ---- ADVICE: kept off the kiosk's screen (sensitive topic), none beside a red flag ---------
            Rule.of("advice-warmth", Severity.ADVICE,
                    advice(SOME_PAIN),
                    "rule.warmth.patient", "rule.warmth.clinician",
                    new Source(SEED_000, "sections 'How can I relieve back pain after sex?' (hot bath) and 'What"
                            + " can I do to stop back pain from ruining my sexual life?' (shower before)")),

            Rule.of("advice-massage", Severity.ADVICE,
                    advice(Condition.anyOf(TIMING, "after", "next-morning")),
                    "rule.massage.patient", "rule.massage.clinician",
                    new Source(SEED_000, "section 'How can I relieve back pain after sex?': massages")),

            Rule.of("advice-hot-cold", Severity.ADVICE,
                    advice(Condition.anyOf(DURATION, "day", "days", "ongoing")),
                    "rule.hotcold.patient", "rule.hotcold.clinician",
                    new Source(SEED_000, "section 'How can I relieve back pain after sex?': hot and cold"
                            + " therapy")),

            Rule.of("advice-pain-relief", Severity.ADVICE,
                    advice(Condition.all(
                            SOME_PAIN,
                            Condition.not(Facts.medicineCaution()),
                            Condition.not(Condition.yes(PAIN_RELIEF_BEFORE)))),
                    "rule.painrelief.patient", "rule.painrelief.clinician",
                    new Source(SEED_000, "section 'How can I relieve back pain after sex?': over-the-counter"
                            + " medication within the recommended dose; held back in pregnancy, possible pregnancy"
                            + " and breastfeeding after seed 001's closing note")),

            Rule.of("advice-no-masking", Severity.ADVICE,
                    advice(Condition.yes(PAIN_RELIEF_BEFORE)),
                    "rule.nomasking.patient", "rule.nomasking.clinician",
                    new Source(SEED_001, "section 'Avoid masking the pain with pain medication'")),

            Rule.of("advice-medicine-check", Severity.ADVICE,
                    advice(Condition.all(SOME_PAIN, Facts.medicineCaution())),
                    "rule.medicinecheck.patient", "rule.medicinecheck.clinician",
                    new Source(SEED_001, "closing note: if pregnant or nursing, consult a qualified provider")),

            Rule.of("advice-pillows", Severity.ADVICE,
                    advice(Condition.any(
                            Condition.equals(TIMING, "during"),
                            Condition.anyOf(MOVEMENT, "bending-forward", "arching-back"))),
                    "rule.pillows.patient", "rule.pillows.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " use pillows")),

            Rule.of("advice-flexion-sensitive", Severity.ADVICE,
                    advice(Condition.all(FORWARD_HURTS, Condition.not(ARCHING_HURTS))),
                    "rule.flexion.patient", "rule.flexion.clinician",
                    SIDORKEWICZ_MCGILL),

            Rule.of("advice-extension-sensitive", Severity.ADVICE,
                    advice(Condition.all(ARCHING_HURTS, Condition.not(FORWARD_HURTS))),
                    "rule.extension.patient", "rule.extension.clinician",
                    SIDORKEWICZ_MCGILL),

            Rule.of("advice-positions", Severity.ADVICE,
                    advice(Condition.any(
                            Condition.equals(MOVEMENT, "unsure"),
                            Condition.all(FORWARD_HURTS, ARCHING_HURTS))),
                    "rule.positions.patient", "rule.positions.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " try new postures with small adjustments")),

            Rule.of("advice-talk-partner", Severity.ADVICE,
                    advice(Condition.any(
                            Condition.equals(TIMING, "during"),
                            Condition.equals(PATTERN, "long-standing"),
                            Condition.anyOf(FEELINGS, "worry", "avoiding"),
                            Condition.yes(PAIN_RELIEF_BEFORE))),
                    "rule.partner.patient", "rule.partner.clinician",
                    new Source(SEED_001, "section 'Talk to your partner about it'")),

            Rule.of("advice-talk-openly", Severity.ADVICE,
                    advice(Condition.equals(PATTERN, "long-standing")),
                    "rule.openly.patient", "rule.openly.clinician",
                    new Source(SEED_000, "closing paragraph: talk to a doctor if it becomes a recurring problem;"
                            + " it is not uncommon")),

            // Replaces "advice-slow-down" and "advice-avoid-triggers" (plugin 0.1), whose seed advice (rest for
            // weeks, avoid positions) goes against NICE NG59.
            Rule.of("advice-ease-off", Severity.ADVICE,
                    advice(DISC_OR_WEAR),
                    "rule.easeoff.patient", "rule.easeoff.clinician",
                    NICE_NG59.at("recommendation 1.2.1: encourage people to continue with normal activities; replaces"
                            + " seed 001's 'slow down and wait for healing' and 'avoid those positions' for a known"
                            + " disc problem or wear and tear: ease off, then build up")),

            Rule.of("advice-mattress", Severity.ADVICE,
                    advice(Condition.anyOf(MATTRESS, "soft", "firm", "sagging", "unsure")),
                    "rule.mattress.patient", "rule.mattress.clinician",
                    KOVACS_2003.at("randomised trial: medium-firm mattresses better than firm for low back pain in bed"
                            + " and on rising; seed 001 cites a review (Radwan et al. 2015) rating medium-firm more"
                            + " comfortable than soft; replacing a sagging mattress is the kiosk's own")),

            Rule.of("advice-mood", Severity.ADVICE,
                    advice(Condition.equals(FEELINGS, "low-mood")),
                    "rule.mood.patient", "rule.mood.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " depression and low mood")),

            Rule.of("advice-usually-settles", Severity.ADVICE,
                    advice(Condition.all(
                            Condition.equals(PATTERN, "new"),
                            Condition.anyOf(DURATION, "hours", "day"),
                            Condition.answered(Facts.PAIN_NOW),
                            Condition.not(Facts.severePain()),
                            NO_WARNING_SIGN,
                            Condition.not(Condition.yes(FRACTURE_RECENT)))),
                    "rule.settles.patient", "rule.settles.clinician",
                    new Source(SEED_000, "sections 'Should I worry about back pain after sex?' (new movements,"
                            + " pain that goes away by itself) and 'How can I relieve back pain after sex?' (most"
                            + " cases settle by themselves); given by the kiosk only without severe pain (the host's"
                            + " threshold), a recent fracture, or any warning sign")));

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
