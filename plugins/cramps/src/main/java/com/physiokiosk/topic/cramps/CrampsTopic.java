package com.physiokiosk.topic.cramps;

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
 * Back cramps: what set them off, what kind of pain, the warning signs (cramps that come and go in a regular
 * pattern in a pregnancy, feeling unwell, pain spreading to the belly), a link with periods, and plain self-care
 * advice.
 *
 * <p>How bad the pain is, and whether the patient is pregnant (and how many weeks), may be pregnant or is
 * breastfeeding, are the host's shared {@link Facts}, asked once before any topic: this topic reads them and
 * never asks them again. The host itself flags severe pain and notes a pregnancy for the physiotherapist, so no
 * rule here repeats that.
 *
 * <p>Sources: each red flag (URGENT) cites the guidance that makes it one (NICE maternity guidance for cramps in a
 * pregnancy, NICE CKS for feeling unwell with back pain). Every other fact rests on seed article {@value #SEED},
 * which cites no studies; its {@link Source} names the paragraph or reader comment, and says so where the rule
 * goes further than the seed.
 *
 * <p>No advice is given beside a red flag of this topic ({@link #NO_RED_FLAG}); pain relief needs some pain, no
 * sickness and no pregnancy or breastfeeding, when the patient is told to ask first instead.
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
    /** Whether the cramps come and go in a regular pattern (plugin 0.1: also asked whether they came more often). */
    static final String RHYTHMIC = "rhythmic";
    static final String BELLY = "belly";
    static final String UNWELL = "unwell";
    static final String PERIOD_LINK = "period-link";

    /**
     * From this week of pregnancy ({@link Facts#PREGNANCY_WEEKS}) on, cramps that come and go in a regular pattern
     * are treated as possible labour; earlier, or with the weeks not given, they are URGENT by a rule of their
     * own. Either way a pregnancy with such cramps is urgent: the week only chooses the words and the guideline.
     */
    static final int LABOUR_FROM_WEEK = 20;

    // ---- guidance for the red flags ------------------------------------------------------------
    static final Source NICE_NG235 = Source.guideline("NICE", "NICE NG235", "Intrapartum care", 2023,
            "https://www.nice.org.uk/guidance/ng235");
    static final Source NICE_NG126 = Source.guideline("NICE", "NICE NG126",
            "Ectopic pregnancy and miscarriage: diagnosis and initial management", 2019,
            "https://www.nice.org.uk/guidance/ng126");
    static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS", "Back pain - low (without radiculopathy)", null,
            "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/");

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

            // One question: do they come and go in a regular pattern. Whether they also come more often is
            // not asked: regular contractions that are not yet closer together are still labour signs.
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

    /** Pregnant with the weeks given, from {@link #LABOUR_FROM_WEEK} on. */
    private static final Condition PREGNANT_FROM_WEEK_20 = Condition.all(
            Facts.pregnantOrMaybe(), Condition.atLeast(Facts.PREGNANCY_WEEKS, LABOUR_FROM_WEEK));

    /** Cramps that come and go in a regular pattern in any pregnancy, or a possible one. */
    private static final Condition PATTERN_IN_PREGNANCY = Condition.all(Condition.yes(RHYTHMIC), Facts.pregnantOrMaybe());

    /** No red flag of this topic: the condition of every advice rule. */
    static final Condition NO_RED_FLAG = Condition.not(Condition.any(PATTERN_IN_PREGNANCY, UNWELL_SIGNS));

    /** Some pain now or over the past week (the host's pain facts): 1 or more, not a severity threshold. */
    private static final Condition SOME_PAIN =
            Condition.any(Condition.atLeast(Facts.PAIN_NOW, 1), Condition.atLeast(Facts.PEG_PAIN, 1));

    /** Feeling sick, or pain spreading to the belly: no tablets for pain until a clinician has looked. */
    private static final Condition STOMACH_SIGNS =
            Condition.any(Condition.yes(BELLY), Condition.anyOf(UNWELL, "nausea", "vomiting"));

    private static Condition advice(Condition when) {
        return Condition.all(when, NO_RED_FLAG);
    }

    private static final List<Rule> RULES = List.of(
            // ---- URGENT: any pregnancy with cramps in a regular pattern; feeling unwell ----------
            Rule.of("labour-signs", Severity.URGENT,
                    Condition.all(PREGNANT_FROM_WEEK_20, Condition.yes(RHYTHMIC)),
                    "rule.labour.patient", "rule.labour.clinician",
                    NICE_NG235.at("recognising the start of labour: painful contractions coming regularly; before 37"
                            + " weeks see NICE NG25 (Preterm labour and birth); from week 20, the kiosk's own threshold"
                            + " for these words, maternity care assesses now"))
                    .about(Symptom.REGULAR_CRAMPS_IN_PREGNANCY),

            Rule.of("pregnancy-rhythmic-cramps", Severity.URGENT,
                    Condition.all(PATTERN_IN_PREGNANCY, Condition.not(PREGNANT_FROM_WEEK_20)),
                    "rule.pregnancycramps.patient", "rule.pregnancycramps.clinician",
                    NICE_NG126.at("pain in early pregnancy is assessed by an early pregnancy service; the kiosk"
                            + " extends this to any week under 20, to weeks not given and to a possible pregnancy"))
                    .about(Symptom.REGULAR_CRAMPS_IN_PREGNANCY),

            Rule.of("unwell-signs", Severity.URGENT, UNWELL_SIGNS,
                    "rule.unwell.patient", "rule.unwell.clinician",
                    NICE_CKS.at("red flags and non-spinal causes of back pain: systemically unwell (the safety screen's"
                            + " 'feel very unwell' flag, asked again here); seed 003 reader comment Post 1 gives the"
                            + " picture: back pain wrapping round to the stomach with dizziness, clamminess, vomiting"))
                    .about(Symptom.FEVER_OR_UNWELL),

            // ---- CONSULT -------------------------------------------------------------------
            Rule.of("belly-or-nausea", Severity.CONSULT,
                    Condition.all(
                            Condition.any(Condition.yes(BELLY), Condition.equals(UNWELL, "nausea")),
                            Condition.not(UNWELL_SIGNS)),
                    "rule.bellynausea.patient", "rule.bellynausea.clinician",
                    seed("reader comment Post 1: pain that began in the back and wrapped round to the stomach;"
                            + " flagged for the consult, not as a red flag, when there is no vomiting, dizziness or"
                            + " clamminess")),

            Rule.of("not-muscular", Severity.CONSULT,
                    Condition.equals(MUSCULAR, "not-muscular"),
                    "rule.notmuscular.patient", "rule.notmuscular.clinician",
                    seed("article, paragraph 3: pain that does not seem muscular may need a doctor to rule out"
                            + " spinal problems")),

            Rule.of("rhythmic-cramps", Severity.CONSULT,
                    Condition.all(Condition.yes(RHYTHMIC), Condition.not(Facts.pregnantOrMaybe())),
                    "rule.rhythmic.patient", "rule.rhythmic.clinician",
                    seed("reader comment Post 3 describes cramps that come and go in pregnancy; flagged for"
                            + " everyone else by the kiosk as a precaution (a colicky, non-muscular pattern)")),

            // ---- INFO (clinician only) ------------------------------------------------------
            Rule.of("character-unclear", Severity.INFO,
                    Condition.equals(MUSCULAR, "unsure"),
                    null, "rule.unclear.clinician",
                    seed("article, paragraph 3")),

            Rule.of("menstrual-link", Severity.INFO,
                    Condition.yes(PERIOD_LINK),
                    null, "rule.menstrual.clinician",
                    seed("article, paragraphs 1 and 5: menstrual cramps as a cause; over-the-counter relief")),

            // ---- ADVICE: none beside a red flag ----------------------------------------------
            Rule.of("advice-heat", Severity.ADVICE,
                    advice(SOME_PAIN),
                    "rule.heat.patient", "rule.heat.clinician",
                    seed("article, paragraph 5: heating pad, hot bath or shower; reader comment Post 2")),

            Rule.of("advice-massage", Severity.ADVICE,
                    advice(Condition.anyOf(MUSCULAR, "muscular", "unsure")),
                    "rule.massage.patient", "rule.massage.clinician",
                    seed("article, paragraph 5: massage to release knots, and stress and tension making cramps worse")),

            Rule.of("advice-stretch", Severity.ADVICE,
                    advice(Condition.anyOf(TRIGGER, "sport", "running", "weights", "stretching")),
                    "rule.stretch.patient", "rule.stretch.clinician",
                    seed("article, paragraph 3: stretch after workouts, hinge at the hips, no rounding or"
                            + " overextending")),

            Rule.of("advice-lifting", Severity.ADVICE,
                    advice(Condition.anyOf(TRIGGER, "lifting", "weights")),
                    "rule.lifting.patient", "rule.lifting.clinician",
                    seed("article, paragraph 2: bend from the knees, spare the lower back; reader comment Post 2:"
                            + " weights too heavy spoil form")),

            Rule.of("advice-warm-up", Severity.ADVICE,
                    advice(Condition.anyOf(TRIGGER, "sport", "running", "weights")),
                    "rule.warmup.patient", "rule.warmup.clinician",
                    seed("article, paragraph 2: warming up before exercise; reader comment Post 2: form slips when"
                            + " pushing harder")),

            Rule.of("advice-posture", Severity.ADVICE,
                    advice(Condition.anyOf(TRIGGER, "sitting", "running")),
                    "rule.posture.patient", "rule.posture.clinician",
                    seed("article, paragraph 4: ears, shoulders and hips in line, arms stretched overhead; reader"
                            + " comment Post 2: leaning forward when running")),

            Rule.of("advice-shoes", Severity.ADVICE,
                    advice(Condition.equals(TRIGGER, "shoes")),
                    "rule.shoes.patient", "rule.shoes.clinician",
                    seed("article, paragraph 4: shoes that support the arches; kept by the kiosk as comfort advice"
                            + " only, never as a treatment, as NICE NG59 advises against foot orthotics for low back"
                            + " pain")),

            Rule.of("advice-pain-relief", Severity.ADVICE,
                    advice(Condition.all(SOME_PAIN, Condition.not(Facts.medicineCaution()),
                            Condition.not(STOMACH_SIGNS))),
                    "rule.painrelief.patient", "rule.painrelief.clinician",
                    seed("article, paragraph 5: over-the-counter anti-inflammatories; the dose limit, and holding"
                            + " the advice back without pain, with sickness or tummy pain, in pregnancy, possible"
                            + " pregnancy and breastfeeding, are the kiosk's own")),

            Rule.of("advice-medicine-check", Severity.ADVICE,
                    advice(Condition.all(SOME_PAIN, Facts.medicineCaution())),
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
