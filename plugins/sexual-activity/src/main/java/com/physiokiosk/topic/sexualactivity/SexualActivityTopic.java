package com.physiokiosk.topic.sexualactivity;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
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
 * <p>This is a sensitive topic: its title on screen is neutral, the questions say "intimacy",
 * and no patient text names anything that would embarrass the patient if read over the shoulder.
 *
 * <p>Facts rest on seed articles {@value #SEED_000} and {@value #SEED_001}. Each {@link Source}
 * names the study the seed cites for the fact, or else the section of the seed. Where a rule goes
 * further than the seed, to err on the side of flagging, its source says so.
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

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "sexual-activity.svg", 10);

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

    private static final List<Rule> RULES = List.of(
            // ---- URGENT --------------------------------------------------------------------
            Rule.of("genital-numbness", Severity.URGENT,
                    Condition.yes(SENSATION_CHANGE),
                    "rule.numbness.patient", "rule.numbness.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?'; the cauda equina"
                            + " screen (change of genital sensation) is set by CONTENT.md after NICE NG59, not by"
                            + " the seed")),

            Rule.of("new-bladder-trouble", Severity.URGENT,
                    Condition.equals(SYMPTOMS, "urine-control"),
                    "rule.bladder.patient", "rule.bladder.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?'; repeats the"
                            + " kiosk's general safety screen (NICE NG59) so that a patient who reports it here"
                            + " is flagged too")),

            Rule.of("fever-with-urinary-signs", Severity.URGENT,
                    Condition.all(FEVER, URINARY_KIDNEY_OR_PELVIC),
                    "rule.feverurinary.patient", "rule.feverurinary.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?': urinary infection"
                            + " rising to the kidneys, pelvic inflammation; raised from 'see a doctor soon' to"
                            + " URGENT because fever with back pain is a red flag of the general safety screen")),

            Rule.of("fever", Severity.URGENT,
                    Condition.all(FEVER, Condition.not(URINARY_KIDNEY_OR_PELVIC)),
                    "rule.fever.patient", "rule.fever.clinician",
                    new Source(SEED_000, "section 'Should I worry about back pain after sex?'; fever with back"
                            + " pain is a red flag of the kiosk's general safety screen (NICE NG59)")),

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

            // ---- ADVICE --------------------------------------------------------------------
            // For every patient who has been through the host's pain questions.
            Rule.of("advice-warmth", Severity.ADVICE,
                    Condition.answered(Facts.PAIN_NOW),
                    "rule.warmth.patient", "rule.warmth.clinician",
                    new Source(SEED_000, "sections 'How can I relieve back pain after sex?' (hot bath) and 'What"
                            + " can I do to stop back pain from ruining my sexual life?' (shower before)")),

            Rule.of("advice-massage", Severity.ADVICE,
                    Condition.anyOf(TIMING, "after", "next-morning"),
                    "rule.massage.patient", "rule.massage.clinician",
                    new Source(SEED_000, "section 'How can I relieve back pain after sex?': massages")),

            Rule.of("advice-hot-cold", Severity.ADVICE,
                    Condition.anyOf(DURATION, "day", "days", "ongoing"),
                    "rule.hotcold.patient", "rule.hotcold.clinician",
                    new Source(SEED_000, "section 'How can I relieve back pain after sex?': hot and cold"
                            + " therapy")),

            Rule.of("advice-pain-relief", Severity.ADVICE,
                    Condition.all(
                            SOME_PAIN,
                            Condition.not(Facts.medicineCaution()),
                            Condition.not(Condition.yes(PAIN_RELIEF_BEFORE))),
                    "rule.painrelief.patient", "rule.painrelief.clinician",
                    new Source(SEED_000, "section 'How can I relieve back pain after sex?': over-the-counter"
                            + " medication within the recommended dose; held back in pregnancy, possible pregnancy"
                            + " and breastfeeding after seed 001's closing note")),

            Rule.of("advice-no-masking", Severity.ADVICE,
                    Condition.yes(PAIN_RELIEF_BEFORE),
                    "rule.nomasking.patient", "rule.nomasking.clinician",
                    new Source(SEED_001, "section 'Avoid masking the pain with pain medication'")),

            Rule.of("advice-medicine-check", Severity.ADVICE,
                    Facts.medicineCaution(),
                    "rule.medicinecheck.patient", "rule.medicinecheck.clinician",
                    new Source(SEED_001, "closing note: if pregnant or nursing, consult a qualified provider")),

            Rule.of("advice-pillows", Severity.ADVICE,
                    Condition.any(
                            Condition.equals(TIMING, "during"),
                            Condition.anyOf(MOVEMENT, "bending-forward", "arching-back")),
                    "rule.pillows.patient", "rule.pillows.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " use pillows")),

            Rule.of("advice-flexion-sensitive", Severity.ADVICE,
                    Condition.all(FORWARD_HURTS, Condition.not(ARCHING_HURTS)),
                    "rule.flexion.patient", "rule.flexion.clinician",
                    new Source(SEED_001, "Sidorkewicz and McGill 2015, European Spine Journal 24(3): most spine"
                            + " motion in the quadruped position was extension; recommended for patients who do"
                            + " not tolerate flexed positions")),

            Rule.of("advice-extension-sensitive", Severity.ADVICE,
                    Condition.all(ARCHING_HURTS, Condition.not(FORWARD_HURTS)),
                    "rule.extension.patient", "rule.extension.clinician",
                    new Source(SEED_001, "Sidorkewicz and McGill 2015, European Spine Journal 24(3): the"
                            + " quadruped position loads the spine in extension, supine positions keep it in"
                            + " flexion; the advice for extension-intolerant patients is the kiosk's reading")),

            Rule.of("advice-positions", Severity.ADVICE,
                    Condition.any(
                            Condition.equals(MOVEMENT, "unsure"),
                            Condition.all(FORWARD_HURTS, ARCHING_HURTS)),
                    "rule.positions.patient", "rule.positions.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " try new postures with small adjustments")),

            Rule.of("advice-talk-partner", Severity.ADVICE,
                    Condition.any(
                            Condition.equals(TIMING, "during"),
                            Condition.equals(PATTERN, "long-standing"),
                            Condition.anyOf(FEELINGS, "worry", "avoiding"),
                            Condition.yes(PAIN_RELIEF_BEFORE)),
                    "rule.partner.patient", "rule.partner.clinician",
                    new Source(SEED_001, "section 'Talk to your partner about it'")),

            Rule.of("advice-talk-openly", Severity.ADVICE,
                    Condition.equals(PATTERN, "long-standing"),
                    "rule.openly.patient", "rule.openly.clinician",
                    new Source(SEED_000, "closing paragraph: talk to a doctor if it becomes a recurring problem;"
                            + " it is not uncommon")),

            Rule.of("advice-slow-down", Severity.ADVICE,
                    Condition.anyOf(SPINE_CONDITION, "disc", "fracture"),
                    "rule.slowdown.patient", "rule.slowdown.clinician",
                    new Source(SEED_001, "section 'Slow down and wait for healing to occur'")),

            Rule.of("advice-avoid-triggers", Severity.ADVICE,
                    Condition.equals(SPINE_CONDITION, "degeneration"),
                    "rule.triggers.patient", "rule.triggers.clinician",
                    new Source(SEED_001, "section 'Avoid masking the pain with pain medication': degenerative"
                            + " disc disease or spondylosis, avoid the positions that aggravate it, plan with the"
                            + " physiotherapist")),

            Rule.of("advice-mattress", Severity.ADVICE,
                    Condition.anyOf(MATTRESS, "soft", "firm", "sagging", "unsure"),
                    "rule.mattress.patient", "rule.mattress.clinician",
                    new Source(SEED_001, "Radwan et al. 2015, Sleep Health 1(4), systematic review: medium-firm"
                            + " mattresses better for chronic non-specific low back pain (sleep quality up 55%,"
                            + " back pain down 48%)")),

            Rule.of("advice-mood", Severity.ADVICE,
                    Condition.equals(FEELINGS, "low-mood"),
                    "rule.mood.patient", "rule.mood.clinician",
                    new Source(SEED_000, "section 'What can I do to stop back pain from ruining my sexual life?':"
                            + " depression and low mood")),

            Rule.of("advice-usually-settles", Severity.ADVICE,
                    Condition.all(
                            Condition.equals(PATTERN, "new"),
                            Condition.anyOf(DURATION, "hours", "day"),
                            Condition.answered(Facts.PAIN_NOW),
                            Condition.not(Facts.severePain())),
                    "rule.settles.patient", "rule.settles.clinician",
                    new Source(SEED_000, "sections 'Should I worry about back pain after sex?' (new movements,"
                            + " pain that goes away by itself) and 'How can I relieve back pain after sex?' (most"
                            + " cases settle by themselves); held back for severe pain, the host's threshold, by"
                            + " the kiosk")));

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
