package com.physiokiosk.topic.postpartum;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * Back pain after having a baby: how long ago the birth was, how long the pain has lasted, the
 * night-time pattern the seed describes (worse lying down, easing on getting up), feeding, calcium
 * and vitamin D, lifting the baby, the mattress, and the warning signs (leg numbness, tingling or
 * weakness; sudden severe pain or loss of height; night pain that no position eases).
 *
 * <p>Partners and other carers of a baby may choose the topic too: the questions about the birth,
 * feeding the baby breast milk and calcium are asked only of a patient who gave birth.
 *
 * <p>Every fact rests on seed article {@value #SEED}. The article cites no studies; each
 * {@link Source} names the section of the seed that the rule comes from. Where a rule goes further
 * than the seed, to be on the safe side, its source says so.
 */
@Extension
public final class PostpartumTopic implements Topic {

    /** Topic id: stored with every check-in, never change it. */
    public static final String ID = "postpartum";

    /** The seed article the content rests on. */
    static final String SEED = "004_a5cbf8c0782e5487.txt";

    // ---- question linkIds (stable: stored with every answer) ---------------------------------
    static final String INTRO = "intro";
    static final String GAVE_BIRTH = "gave-birth";
    static final String WEEKS_SINCE_BIRTH = "weeks-since-birth";
    static final String PAIN_SCORE = "pain-score";
    static final String PAIN_DURATION = "pain-duration";
    static final String NIGHT_PAIN = "night-pain";
    static final String ACTIVITY_WORSE = "activity-worse";
    static final String LEG_SYMPTOMS = "leg-symptoms";
    static final String SUDDEN_OR_HEIGHT = "sudden-or-height";
    static final String BREASTFEEDING = "breastfeeding";
    static final String CALCIUM = "calcium-vitamin-d";
    static final String LIFTING = "lifting";
    static final String FEEDING_POSTURE = "feeding-posture";
    static final String MATTRESS = "mattress";

    /** A pain score from which the physiotherapist is told before the consult. */
    static final int SEVERE_PAIN = 8;

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "postpartum.svg", 40);

    private static final Condition BIRTH_PARENT = Condition.yes(GAVE_BIRTH);

    private static final List<Question> QUESTIONS = List.of(
            Question.info(INTRO, "q.intro.text")
                    .withHelp("q.intro.help"),

            // Gate for the questions about the birth, feeding and calcium.
            Question.yesNo(GAVE_BIRTH, "q.gavebirth.text")
                    .withHelp("q.gavebirth.help"),

            Question.singleChoice(WEEKS_SINCE_BIRTH, "q.weeks.text",
                            AnswerOption.of("under-6-weeks", "q.weeks.opt.under6weeks"),
                            AnswerOption.of("6-12-weeks", "q.weeks.opt.6to12weeks"),
                            AnswerOption.of("3-12-months", "q.weeks.opt.3to12months"),
                            AnswerOption.of("over-12-months", "q.weeks.opt.over12months"))
                    .withHelp("q.weeks.help")
                    .withEnableWhen(BIRTH_PARENT),

            Question.scale(PAIN_SCORE, "q.pain.text")
                    .withHelp("q.pain.help"),

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

            Question.multiChoice(SUDDEN_OR_HEIGHT, "q.sudden.text",
                            AnswerOption.of("sudden-severe", "q.sudden.opt.suddensevere"),
                            AnswerOption.of("height-loss", "q.sudden.opt.heightloss"),
                            AnswerOption.exclusive("none", "q.sudden.opt.none"))
                    .withHelp("q.sudden.help"),

            Question.singleChoice(BREASTFEEDING, "q.breastfeeding.text",
                            AnswerOption.of("yes", "q.breastfeeding.opt.yes"),
                            AnswerOption.of("stopped", "q.breastfeeding.opt.stopped"),
                            AnswerOption.of("no", "q.breastfeeding.opt.no"))
                    .withHelp("q.breastfeeding.help")
                    .withEnableWhen(BIRTH_PARENT),

            Question.singleChoice(CALCIUM, "q.calcium.text",
                            AnswerOption.of("supplement", "q.calcium.opt.supplement"),
                            AnswerOption.of("food", "q.calcium.opt.food"),
                            AnswerOption.of("little", "q.calcium.opt.little"),
                            AnswerOption.of("unsure", "q.calcium.opt.unsure"))
                    .withHelp("q.calcium.help")
                    .withEnableWhen(BIRTH_PARENT),

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

    /** Numbness, tingling or weakness in a leg: a red flag of CONTENT.md. */
    private static final Condition LEG_SIGNS = Condition.anyOf(LEG_SYMPTOMS, "numbness", "tingling", "weakness");

    /** Sudden severe pain, or loss of height: possible vertebral fracture, a red flag of CONTENT.md. */
    private static final Condition FRACTURE_SIGNS = Condition.anyOf(SUDDEN_OR_HEIGHT, "sudden-severe", "height-loss");

    /** Night pain that no position eases: the general safety screen's red flag, asked again here. */
    private static final Condition NIGHT_NO_POSITION = Condition.equals(NIGHT_PAIN, "no-position");

    /** Any answer that raises an URGENT finding: exercise advice is held back until a clinician has looked. */
    private static final Condition RED_FLAG = Condition.any(LEG_SIGNS, FRACTURE_SIGNS, NIGHT_NO_POSITION);

    /** Worse at night or lying down, whatever happens on getting up. */
    private static final Condition NIGHT_ANY = Condition.anyOf(NIGHT_PAIN, "eases-on-rising", "stays", "no-position");

    /** Some pain now, or pain at night: self-care for pain is relevant. */
    private static final Condition HAS_PAIN = Condition.any(Condition.atLeast(PAIN_SCORE, 1), NIGHT_ANY);

    /** Feeding the baby breast milk now, or until recently. */
    private static final Condition LACTATING_OR_RECENT = Condition.anyOf(BREASTFEEDING, "yes", "stopped");

    private static final List<Rule> RULES = List.of(
            // ---- URGENT --------------------------------------------------------------------
            Rule.of("leg-nerve-signs", Severity.URGENT, LEG_SIGNS,
                    "rule.legs.patient", "rule.legs.clinician",
                    seed("closing paragraph: back pain with numbness, tingling or weakness in the legs needs"
                            + " immediate medical evaluation (disc herniation, nerve compression)")),

            Rule.of("possible-vertebral-fracture", Severity.URGENT, FRACTURE_SIGNS,
                    "rule.fracture.patient", "rule.fracture.clinician",
                    seed("section 2, Postpartum Osteoporosis: lactation-associated bone loss; the fracture screen"
                            + " (sudden severe pain, loss of height) is CONTENT.md's; either sign alone is flagged by"
                            + " the kiosk to err on the side of flagging")),

            Rule.of("night-pain-no-position", Severity.URGENT, NIGHT_NO_POSITION,
                    "rule.nightnoposition.patient", "rule.nightnoposition.clinician",
                    seed("opening paragraph: persistent night-time back pain needs specialist assessment; night pain"
                            + " that no position eases is a red flag of the kiosk's general safety screen"
                            + " (NICE NG59), repeated here")),

            // ---- CONSULT -------------------------------------------------------------------
            Rule.of("pain-beyond-six-weeks", Severity.CONSULT,
                    Condition.any(
                            Condition.equals(PAIN_DURATION, "6-weeks-plus"),
                            Condition.all(
                                    Condition.equals(PAIN_DURATION, "unsure"),
                                    Condition.not(Condition.equals(WEEKS_SINCE_BIRTH, "under-6-weeks")))),
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

            Rule.of("severe-pain", Severity.CONSULT,
                    Condition.atLeast(PAIN_SCORE, SEVERE_PAIN),
                    "rule.severe.patient", "rule.severe.clinician",
                    seed("opening paragraph: early assessment of persistent pain; threshold 8/10 is the kiosk's own")),

            // ---- INFO (clinician only) ------------------------------------------------------
            Rule.of("note-night-pattern", Severity.INFO,
                    Condition.equals(NIGHT_PAIN, "eases-on-rising"),
                    null, "rule.nightpattern.clinician",
                    seed("sections 1 to 3 and Other Contributing Factors: mild lumbar spondylolisthesis, lactation-"
                            + "associated osteoporosis, lumbar osteophytes and myofascial pain each ease on rising")),

            Rule.of("note-lactation-bone", Severity.INFO,
                    Condition.all(
                            LACTATING_OR_RECENT,
                            Condition.any(NIGHT_ANY, FRACTURE_SIGNS, Condition.anyOf(CALCIUM, "little", "unsure"))),
                    null, "rule.lactationbone.clinician",
                    seed("section 2, Postpartum Osteoporosis: calcium drawn into breast milk, deep ache at rest or"
                            + " at night, DEXA, calcium, vitamin D and calcitriol; bisphosphonates used with care")),

            // ---- ADVICE --------------------------------------------------------------------
            Rule.of("advice-core-exercise", Severity.ADVICE,
                    Condition.all(Condition.equals(NIGHT_PAIN, "eases-on-rising"), Condition.not(RED_FLAG)),
                    "rule.core.patient", "rule.core.clinician",
                    seed("section 1, Mild Lumbar Spondylolisthesis: bridge and bird-dog for lumbar stability, built"
                            + " up gradually under professional guidance; held back on red flags by the kiosk")),

            Rule.of("advice-pelvic-core-rehab", Severity.ADVICE,
                    Condition.all(BIRTH_PARENT, Condition.not(RED_FLAG)),
                    "rule.rehab.patient", "rule.rehab.clinician",
                    seed("Other Contributing Factors and Relief Strategies: pelvic floor and core rehabilitation"
                            + " reduces postpartum back pain and improves function; held back on red flags by the"
                            + " kiosk")),

            Rule.of("advice-calcium-vitamin-d", Severity.ADVICE,
                    Condition.anyOf(CALCIUM, "food", "little", "unsure"),
                    "rule.calcium.patient", "rule.calcium.clinician",
                    seed("section 2, Postpartum Osteoporosis: breastfeeding draws calcium from the bones; calcium"
                            + " and vitamin D supplementation")),

            Rule.of("advice-warmth-massage", Severity.ADVICE, HAS_PAIN,
                    "rule.warmth.patient", "rule.warmth.clinician",
                    seed("Other Contributing Factors and Relief Strategies: warm compresses and light self-massage"
                            + " for myofascial pain; section 3: heat therapy and gentle massage")),

            Rule.of("advice-topical-nursing", Severity.ADVICE,
                    Condition.all(HAS_PAIN, Condition.equals(BREASTFEEDING, "yes")),
                    "rule.topicalnursing.patient", "rule.topicalnursing.clinician",
                    seed("section 3, Lumbar Bone Spurs: topical anti-inflammatory patches only under medical"
                            + " supervision while nursing; Other Contributing Factors: topical analgesics when approved")),

            Rule.of("advice-topical-relief", Severity.ADVICE,
                    Condition.all(HAS_PAIN, Condition.not(Condition.equals(BREASTFEEDING, "yes"))),
                    "rule.topical.patient", "rule.topical.clinician",
                    seed("Other Contributing Factors and Relief Strategies: over-the-counter topical analgesics"
                            + " (diclofenac gel, flurbiprofen plasters) once a clinician has approved them")),

            Rule.of("advice-feeding-support", Severity.ADVICE,
                    Condition.anyOf(FEEDING_POSTURE, "hunched", "varies"),
                    "rule.feeding.patient", "rule.feeding.clinician",
                    seed("Other Contributing Factors and Relief Strategies: supportive pillows while feeding and"
                            + " good posture")),

            Rule.of("advice-lifting", Severity.ADVICE,
                    Condition.anyOf(LIFTING, "back-bent", "varies"),
                    "rule.lifting.patient", "rule.lifting.clinician",
                    seed("Other Contributing Factors and Relief Strategies: picking up the baby again and again"
                            + " without bending the knees")),

            Rule.of("advice-footwear", Severity.ADVICE,
                    Condition.yes(ACTIVITY_WORSE),
                    "rule.footwear.patient", "rule.footwear.clinician",
                    seed("Other Contributing Factors and Relief Strategies: supportive footwear and good posture")),

            Rule.of("advice-mattress", Severity.ADVICE,
                    Condition.anyOf(MATTRESS, "soft-sagging", "too-hard", "unsure"),
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
