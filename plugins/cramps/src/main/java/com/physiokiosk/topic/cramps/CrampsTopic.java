package com.physiokiosk.topic.cramps;

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
 * Back cramps: what set them off, what kind of pain, the warning signs (pregnancy with rhythmic
 * cramps, feeling unwell, pain spreading to the belly), a link with periods, and plain self-care
 * advice.
 *
 * <p>How bad the pain is, and whether the patient is pregnant (and how many weeks), may be pregnant
 * or is breastfeeding, are the host's shared {@link Facts}, asked once before any topic: this topic
 * reads them and never asks them again. The host itself flags severe pain and notes a pregnancy for
 * the physiotherapist, so no rule here repeats that.
 *
 * <p>Every fact rests on seed article {@value #SEED}. The article cites no studies; each
 * {@link Source} names the paragraph or reader comment of the seed that the rule comes from.
 * Where a rule goes further than the seed, to be on the safe side, its source says so.
 */
@Extension
public final class CrampsTopic implements Topic {

    /** Topic id: stored with every check-in, never change it. */
    public static final String ID = "cramps";

    /** The seed article the content rests on. */
    static final String SEED = "003_e7d96563a60eeb5c.txt";

    // ---- question linkIds (stable: stored with every answer) ---------------------------------
    static final String INTRO = "intro";
    static final String TRIGGER = "trigger";
    static final String MUSCULAR = "muscular";
    static final String RHYTHMIC = "rhythmic";
    static final String BELLY = "belly";
    static final String UNWELL = "unwell";
    static final String PERIOD_LINK = "period-link";

    /**
     * From this week of pregnancy ({@link Facts#PREGNANCY_WEEKS}) on, rhythmic, increasing cramps are
     * treated as possible labour. The seed only says "the end of my pregnancy"; 20 weeks errs on the
     * side of flagging, and earlier or unknown weeks are flagged URGENT by a rule of their own.
     */
    static final int LABOUR_FROM_WEEK = 20;

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "cramps.svg", 30);

    private static final List<Question> QUESTIONS = List.of(
            Question.info(INTRO, "q.intro.text")
                    .withHelp("q.intro.help"),

            Question.multiChoice(TRIGGER, "q.trigger.text",
                            AnswerOption.of("lifting", "q.trigger.opt.lifting"),
                            AnswerOption.of("sport", "q.trigger.opt.sport"),
                            AnswerOption.of("running", "q.trigger.opt.running"),
                            AnswerOption.of("weights", "q.trigger.opt.weights"),
                            AnswerOption.of("stretching", "q.trigger.opt.stretching"),
                            AnswerOption.of("sitting", "q.trigger.opt.sitting"),
                            AnswerOption.of("shoes", "q.trigger.opt.shoes"),
                            AnswerOption.exclusive("none", "q.trigger.opt.none"))
                    .withHelp("q.trigger.help"),

            Question.singleChoice(MUSCULAR, "q.muscular.text",
                    AnswerOption.of("muscular", "q.muscular.opt.muscular"),
                    AnswerOption.of("not-muscular", "q.muscular.opt.notmuscular"),
                    AnswerOption.of("unsure", "q.muscular.opt.unsure")),

            Question.yesNo(RHYTHMIC, "q.rhythmic.text")
                    .withHelp("q.rhythmic.help"),

            Question.yesNo(BELLY, "q.belly.text"),

            Question.multiChoice(UNWELL, "q.unwell.text",
                            AnswerOption.of("nausea", "q.unwell.opt.nausea"),
                            AnswerOption.of("vomiting", "q.unwell.opt.vomiting"),
                            AnswerOption.of("dizzy", "q.unwell.opt.dizzy"),
                            AnswerOption.of("clammy", "q.unwell.opt.clammy"),
                            AnswerOption.exclusive("none", "q.unwell.opt.none"))
                    .withHelp("q.unwell.help"),

            // Not asked in a pregnancy, or a possible one (the host's facts); a patient without
            // periods answers No, as the help says.
            Question.yesNo(PERIOD_LINK, "q.periodlink.text")
                    .withHelp("q.periodlink.help")
                    .withEnableWhen(Condition.not(Facts.pregnantOrMaybe())));

    // ---- conditions shared by several rules ---------------------------------------------------

    /** Cramps with signs of being generally unwell: stop and tell staff now. */
    private static final Condition UNWELL_SIGNS = Condition.any(
            Condition.anyOf(UNWELL, "vomiting", "dizzy", "clammy"),
            Condition.all(Condition.yes(BELLY), Condition.equals(UNWELL, "nausea")));

    private static final List<Rule> RULES = List.of(
            // ---- URGENT --------------------------------------------------------------------
            Rule.of("labour-signs", Severity.URGENT,
                    Condition.all(
                            Facts.pregnantOrMaybe(),
                            Condition.atLeast(Facts.PREGNANCY_WEEKS, LABOUR_FROM_WEEK),
                            Condition.yes(RHYTHMIC)),
                    "rule.labour.patient", "rule.labour.clinician",
                    seed("reader comment Post 3: back cramps late in pregnancy, coming more often, before labour;"
                            + " week threshold 20 is the kiosk's own, chosen to err on the side of flagging")),

            Rule.of("pregnancy-rhythmic-cramps", Severity.URGENT,
                    // Possibly pregnant, or pregnant under 20 weeks or weeks not given.
                    Condition.all(
                            Condition.yes(RHYTHMIC),
                            Facts.pregnantOrMaybe(),
                            Condition.not(Condition.atLeast(Facts.PREGNANCY_WEEKS, LABOUR_FROM_WEEK))),
                    "rule.pregnancycramps.patient", "rule.pregnancycramps.clinician",
                    seed("reader comment Post 3; extended by the kiosk to any stage of pregnancy, to err on the"
                            + " side of flagging")),

            Rule.of("unwell-signs", Severity.URGENT, UNWELL_SIGNS,
                    "rule.unwell.patient", "rule.unwell.clinician",
                    seed("reader comment Post 1: back pain wrapping round to the stomach with dizziness,"
                            + " clamminess and vomiting")),

            // ---- CONSULT -------------------------------------------------------------------
            Rule.of("belly-or-nausea", Severity.CONSULT,
                    Condition.all(
                            Condition.any(Condition.yes(BELLY), Condition.equals(UNWELL, "nausea")),
                            Condition.not(UNWELL_SIGNS)),
                    "rule.bellynausea.patient", "rule.bellynausea.clinician",
                    seed("reader comment Post 1: pain that began in the back and wrapped round to the stomach")),

            Rule.of("not-muscular", Severity.CONSULT,
                    Condition.equals(MUSCULAR, "not-muscular"),
                    "rule.notmuscular.patient", "rule.notmuscular.clinician",
                    seed("article, paragraph 3: pain that does not seem muscular may need a doctor to rule out"
                            + " spinal problems")),

            Rule.of("rhythmic-cramps", Severity.CONSULT,
                    Condition.all(Condition.yes(RHYTHMIC), Condition.not(Facts.pregnantOrMaybe())),
                    "rule.rhythmic.patient", "rule.rhythmic.clinician",
                    seed("reader comment Post 3 describes the come-and-go pattern in pregnancy; flagged for"
                            + " everyone by the kiosk as a precaution")),

            // ---- INFO (clinician only) ------------------------------------------------------
            Rule.of("character-unclear", Severity.INFO,
                    Condition.equals(MUSCULAR, "unsure"),
                    null, "rule.unclear.clinician",
                    seed("article, paragraph 3")),

            Rule.of("menstrual-link", Severity.INFO,
                    Condition.yes(PERIOD_LINK),
                    null, "rule.menstrual.clinician",
                    seed("article, paragraphs 1 and 5: menstrual cramps as a cause; over-the-counter relief")),

            // ---- ADVICE --------------------------------------------------------------------
            // For every patient who has been through the host's pain questions.
            Rule.of("advice-heat", Severity.ADVICE,
                    Condition.answered(Facts.PAIN_NOW),
                    "rule.heat.patient", "rule.heat.clinician",
                    seed("article, paragraph 5: heating pad, hot bath or shower; reader comment Post 2")),

            Rule.of("advice-massage", Severity.ADVICE,
                    Condition.anyOf(MUSCULAR, "muscular", "unsure"),
                    "rule.massage.patient", "rule.massage.clinician",
                    seed("article, paragraph 5: massage to release knots, stress and tension")),

            Rule.of("advice-stretch", Severity.ADVICE,
                    Condition.anyOf(TRIGGER, "sport", "running", "weights", "stretching"),
                    "rule.stretch.patient", "rule.stretch.clinician",
                    seed("article, paragraph 3: stretch after workouts, hinge, no rounding or overextending;"
                            + " paragraph 4: arms overhead and to the sides")),

            Rule.of("advice-lifting", Severity.ADVICE,
                    Condition.anyOf(TRIGGER, "lifting", "weights"),
                    "rule.lifting.patient", "rule.lifting.clinician",
                    seed("article, paragraph 2: bend from the knees, use arms and chest, spare the lower back;"
                            + " reader comment Post 2: weights too heavy spoil form")),

            Rule.of("advice-warm-up", Severity.ADVICE,
                    Condition.anyOf(TRIGGER, "sport", "running", "weights"),
                    "rule.warmup.patient", "rule.warmup.clinician",
                    seed("article, paragraph 2: warming up before exercise; reader comment Post 2: form slips when"
                            + " pushing harder")),

            Rule.of("advice-posture", Severity.ADVICE,
                    Condition.anyOf(TRIGGER, "sitting", "running"),
                    "rule.posture.patient", "rule.posture.clinician",
                    seed("article, paragraph 4: ears, shoulders and hips in line, neutral spine; reader comment"
                            + " Post 2: leaning forward when running")),

            Rule.of("advice-shoes", Severity.ADVICE,
                    Condition.equals(TRIGGER, "shoes"),
                    "rule.shoes.patient", "rule.shoes.clinician",
                    seed("article, paragraph 4: shoes that support the arches")),

            Rule.of("advice-pain-relief", Severity.ADVICE,
                    Condition.all(Condition.answered(Facts.PAIN_NOW), Condition.not(Facts.medicineCaution())),
                    "rule.painrelief.patient", "rule.painrelief.clinician",
                    seed("article, paragraph 5: over-the-counter anti-inflammatories; the dose limit, and"
                            + " holding the advice back in pregnancy, possible pregnancy and breastfeeding, are the"
                            + " kiosk's own")),

            Rule.of("advice-medicine-check", Severity.ADVICE,
                    Facts.medicineCaution(),
                    "rule.medicinecheck.patient", "rule.medicinecheck.clinician",
                    seed("article, paragraph 5; the caution in pregnancy, possible pregnancy and breastfeeding is"
                            + " the kiosk's own, not the seed's")));

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
