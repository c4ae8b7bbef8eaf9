package com.physiokiosk.topic.sleep;

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
 * Sleep, mattress and back pain: when the pain comes (in the night, on waking), whether a change of
 * position eases it, how the patient lies, pillows, the mattress (firmness, age, sagging), the
 * pelvis sagging in side-lying, warning signs, and the months after a birth (seed 004).
 *
 * <p>Whether the patient gave birth in the last year (and how many weeks ago), is breastfeeding or
 * pregnant, their age band and how bad the pain is are the host's shared {@link Facts}, asked once
 * before any topic: this topic reads them and never asks them again. The host itself flags severe
 * pain and notes a pregnancy, a recent birth and breastfeeding for the physiotherapist, so no rule
 * here repeats that.
 *
 * <p>Sources: each red flag (URGENT) cites the guidance that makes it one (NICE CKS, the national cauda equina
 * pathway). The other facts rest on two seed articles: {@value #SEED_BED} (the section on the right bed, which cites
 * the systematic review of Radwan et al. 2015) and {@value #SEED_NIGHT} (night-time back pain after childbirth that
 * settles on getting up); the medium-firm trial (Kovacs et al., Lancet 2003), which the seed does not cite, is cited
 * as a study. Where a rule goes further than its seed, its source says so.
 *
 * <p>Severities follow the kiosk's policy, the same in every topic: numbness, tingling or weakness in one leg is
 * CONSULT; in both legs, or a leg getting weaker or more numb, URGENT (asked after a leg sign). Sudden severe pain
 * alone is a consult; with loss of height, age 50 or over, thin bones or long-term steroids (asked after it), or
 * breastfeeding (read as thin bones), it is URGENT. Loss of height alone is a consult. No red flag is held back by an
 * answer that would make it look safer; no advice is given beside one ({@link #NO_RED_FLAG}).
 */
@Extension
public final class SleepTopic implements Topic {

    /** Topic id: stored with every check-in, never change it. */
    public static final String ID = "sleep";

    /** Seed 001: the section on the right bed (medium-firm mattresses, side-lying, pelvic sag). */
    static final String SEED_BED = "001_f0239f123ba0a3af.txt";

    /** Seed 004: back pain at night after childbirth that eases on getting up. */
    static final String SEED_NIGHT = "004_a5cbf8c0782e5487.txt";

    /** The plugin's own template that draws the sleep positions above the position question. */
    static final String POSITIONS_TEMPLATE = "sleep-positions.jte";

    // ---- question linkIds (stable: stored with every answer) ---------------------------------
    static final String PAIN_TIMING = "pain-timing";
    static final String POSITION_EASES = "position-eases";
    static final String EASES_ON_RISING = "eases-on-rising";
    static final String POSITION = "position";
    static final String PELVIS_SAG = "pelvis-sag";
    static final String PILLOWS = "pillows";
    static final String MATTRESS_FIRMNESS = "mattress-firmness";
    static final String MATTRESS_AGE = "mattress-age";
    static final String MATTRESS_SAG = "mattress-sag";
    static final String WARNING_SIGNS = "warning-signs";
    /** Asked after a leg sign: in both legs, or getting worse. */
    static final String LEG_PATTERN = "leg-pattern";
    /** Asked after sudden severe pain: thin bones or long-term steroid tablets. */
    static final String THIN_BONES = "thin-bones";
    /** Asked after a birth in the last year: how long this back pain has lasted. */
    static final String PAIN_DURATION = "pain-duration";

    /**
     * Seed 004: back pain that lasts beyond six weeks after the birth needs a clinician's look. The patient is
     * asked how long the pain has lasted ({@link #PAIN_DURATION}); when unsure, it counts once the birth (the
     * host's {@link Facts#WEEKS_SINCE_BIRTH}) was this many weeks ago.
     */
    static final int POSTPARTUM_WEEKS = 6;

    // ---- sources ---------------------------------------------------------------------------------
    static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS", "Back pain - low (without radiculopathy)", null,
            "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/");
    static final Source GIRFT_CES = Source.guideline("NHS England GIRFT", "GIRFT CES pathway",
            "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023,
            "https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-and-treat-cauda-equina-syndrome-without-delay/");
    static final Source KOVACS_2003 = Source.study("Kovacs FM et al., Lancet 2003;362:1599-604", 2003);

    /**
     * Message keys that only the position template uses (the rest of its texts are option labels).
     * Listed here so the unit test can check them against both bundles.
     */
    static final List<String> TEMPLATE_KEYS = List.of(
            "fig.positions.caption",
            "fig.positions.back", "fig.positions.back.alt",
            "fig.positions.side", "fig.positions.side.alt",
            "fig.positions.front", "fig.positions.front.alt",
            "fig.positions.mixed", "fig.positions.mixed.alt");

    /** The pictures the position template shows, one per answer option of {@link #POSITION}. */
    static final List<String> TEMPLATE_ASSETS = List.of(
            "position-back.svg", "position-side.svg", "position-front.svg", "position-mixed.svg");

    private static final TopicInfo INFO =
            new TopicInfo(ID, "topic.title", "topic.summary", "sleep.svg", 50);

    private static final List<Question> QUESTIONS = List.of(
            Question.multiChoice(PAIN_TIMING, "q.timing.text",
                            AnswerOption.of("night", "q.timing.opt.night"),
                            AnswerOption.of("waking", "q.timing.opt.waking"),
                            AnswerOption.of("activity", "q.timing.opt.activity"),
                            AnswerOption.exclusive("none", "q.timing.opt.none"))
                    .withHelp("q.timing.help"),

            // Asked of everyone who may have pain in bed: only "worst when active" skips it, so the
            // night-pain red flag is not missed by a patient who is unsure when the pain is worst.
            Question.singleChoice(POSITION_EASES, "q.eases.text",
                            AnswerOption.of("yes", "q.eases.opt.yes"),
                            AnswerOption.of("partly", "q.eases.opt.partly"),
                            AnswerOption.of("no", "q.eases.opt.no"),
                            AnswerOption.of("no-pain-in-bed", "q.eases.opt.nopaininbed"))
                    .withHelp("q.eases.help")
                    .withEnableWhen(Condition.anyOf(PAIN_TIMING, "night", "waking", "none")),

            Question.singleChoice(EASES_ON_RISING, "q.rising.text",
                            AnswerOption.of("quickly", "q.rising.opt.quickly"),
                            AnswerOption.of("slowly", "q.rising.opt.slowly"),
                            AnswerOption.of("no", "q.rising.opt.no"))
                    .withEnableWhen(Condition.anyOf(PAIN_TIMING, "night", "waking")),

            Question.singleChoice(POSITION, "q.position.text",
                            AnswerOption.of("back", "q.position.opt.back"),
                            AnswerOption.of("side", "q.position.opt.side"),
                            AnswerOption.of("front", "q.position.opt.front"),
                            AnswerOption.of("mixed", "q.position.opt.mixed"))
                    .withHelp("q.position.help")
                    .withIllustration(POSITIONS_TEMPLATE),

            Question.singleChoice(PELVIS_SAG, "q.pelvis.text",
                            AnswerOption.of("yes", "q.pelvis.opt.yes"),
                            AnswerOption.of("no", "q.pelvis.opt.no"),
                            AnswerOption.of("unsure", "q.pelvis.opt.unsure"))
                    .withHelp("q.pelvis.help")
                    .withEnableWhen(Condition.anyOf(POSITION, "side", "mixed")),

            Question.multiChoice(PILLOWS, "q.pillows.text",
                            AnswerOption.of("head", "q.pillows.opt.head"),
                            AnswerOption.of("between-knees", "q.pillows.opt.betweenknees"),
                            AnswerOption.of("under-knees", "q.pillows.opt.underknees"),
                            AnswerOption.of("body", "q.pillows.opt.body"),
                            AnswerOption.exclusive("none", "q.pillows.opt.none"))
                    .withHelp("q.pillows.help"),

            Question.singleChoice(MATTRESS_FIRMNESS, "q.firmness.text",
                            AnswerOption.of("soft", "q.firmness.opt.soft"),
                            AnswerOption.of("medium", "q.firmness.opt.medium"),
                            AnswerOption.of("firm", "q.firmness.opt.firm"),
                            AnswerOption.of("unsure", "q.firmness.opt.unsure"))
                    .withHelp("q.firmness.help"),

            Question.singleChoice(MATTRESS_AGE, "q.age.text",
                            AnswerOption.of("lt5", "q.age.opt.lt5"),
                            AnswerOption.of("5to10", "q.age.opt.5to10"),
                            AnswerOption.of("gt10", "q.age.opt.gt10"),
                            AnswerOption.of("unsure", "q.age.opt.unsure"))
                    .withHelp("q.age.help"),

            // A mattress under five years old is rarely worn out: its owner is spared this screen.
            Question.singleChoice(MATTRESS_SAG, "q.sag.text",
                            AnswerOption.of("yes", "q.sag.opt.yes"),
                            AnswerOption.of("no", "q.sag.opt.no"),
                            AnswerOption.of("unsure", "q.sag.opt.unsure"))
                    .withHelp("q.sag.help")
                    .withEnableWhen(Condition.anyOf(MATTRESS_AGE, "5to10", "gt10", "unsure")),

            Question.multiChoice(WARNING_SIGNS, "q.warning.text",
                            AnswerOption.of("leg-numb", "q.warning.opt.legnumb"),
                            AnswerOption.of("leg-tingling", "q.warning.opt.legtingling"),
                            AnswerOption.of("leg-weak", "q.warning.opt.legweak"),
                            AnswerOption.of("sudden-severe", "q.warning.opt.sudden"),
                            AnswerOption.of("height-loss", "q.warning.opt.height"),
                            AnswerOption.exclusive("none", "q.warning.opt.none"))
                    .withHelp("q.warning.help"),

            // Only after a leg sign: both legs, or getting worse, is a red flag; one leg is a consult.
            Question.multiChoice(LEG_PATTERN, "q.legpattern.text",
                            AnswerOption.of("both-legs", "q.legpattern.opt.bothlegs"),
                            AnswerOption.of("worse", "q.legpattern.opt.worse"),
                            AnswerOption.exclusive("neither", "q.legpattern.opt.neither"))
                    .withHelp("q.legpattern.help")
                    .withEnableWhen(Condition.anyOf(WARNING_SIGNS, "leg-numb", "leg-tingling", "leg-weak")),

            // Only after sudden severe pain: with thin bones or steroids it is a red flag. The host's safety
            // screen asks the same only after a minor fall, and a topic cannot read its answers.
            Question.yesNo(THIN_BONES, "q.thinbones.text")
                    .withHelp("q.thinbones.help")
                    .withEnableWhen(Condition.equals(WARNING_SIGNS, "sudden-severe")),

            // Only after a birth in the last year (the host's fact): how long the pain has lasted, which is
            // what the seed's six-week mark is about, not how long ago the birth was.
            Question.singleChoice(PAIN_DURATION, "q.duration.text",
                            AnswerOption.of("under-6-weeks", "q.duration.opt.under6weeks"),
                            AnswerOption.of("6-weeks-plus", "q.duration.opt.6weeksplus"),
                            AnswerOption.of("unsure", "q.duration.opt.unsure"))
                    .withHelp("q.duration.help")
                    .withEnableWhen(Facts.recentBirth()));

    // ---- conditions shared by several rules ---------------------------------------------------

    /** Pain that is worst during the night or on waking. */
    private static final Condition NIGHT_OR_WAKING = Condition.anyOf(PAIN_TIMING, "night", "waking");

    /** Had a baby in the last twelve months (the host's fact). */
    private static final Condition POSTPARTUM = Facts.recentBirth();

    /** Sudden severe pain, or loss of height: a sign of a possible fragility fracture. */
    private static final Condition FRACTURE_SIGNS = Condition.anyOf(WARNING_SIGNS, "sudden-severe", "height-loss");

    /**
     * The fracture red flag of the kiosk's severity policy: sudden severe pain with loss of height, age 50 or over
     * (the host's fact), thin bones or long-term steroids; breastfeeding (the bone loss of lactation, seed 004
     * section 2) counts as thin bones.
     */
    private static final Condition FRACTURE_RED_FLAG = Condition.all(
            Condition.equals(WARNING_SIGNS, "sudden-severe"),
            Condition.any(Condition.equals(WARNING_SIGNS, "height-loss"), Facts.aged50OrOver(),
                    Condition.yes(THIN_BONES), Facts.breastfeeding()));

    /** Numbness, tingling or weakness in a leg or foot. */
    private static final Condition LEG_SIGNS = Condition.anyOf(WARNING_SIGNS, "leg-numb", "leg-tingling", "leg-weak");

    /** Leg signs in both legs: a red flag (cauda equina). */
    private static final Condition BOTH_LEGS = Condition.all(LEG_SIGNS, Condition.equals(LEG_PATTERN, "both-legs"));

    /** A leg getting weaker or more numb: a red flag, as on the host's safety screen. Worse tingling alone is not. */
    private static final Condition DEFICIT_WORSENING = Condition.all(
            Condition.anyOf(WARNING_SIGNS, "leg-numb", "leg-weak"), Condition.equals(LEG_PATTERN, "worse"));

    /** Night pain that no position eases: the general safety screen's red flag, asked again here. */
    private static final Condition NIGHT_UNRELIEVED = Condition.equals(POSITION_EASES, "no");

    /** No red flag of this topic: every advice rule needs it. */
    static final Condition NO_RED_FLAG = Condition.not(
            Condition.any(NIGHT_UNRELIEVED, BOTH_LEGS, DEFICIT_WORSENING, FRACTURE_RED_FLAG));

    private static Condition advice(Condition when) {
        return Condition.all(when, NO_RED_FLAG);
    }

    private static final List<Rule> RULES = List.of(
            // ---- URGENT (no answer that looks safer holds these back) --------------------------
            Rule.of("night-pain-unrelieved", Severity.URGENT, NIGHT_UNRELIEVED,
                    "rule.nightpain.patient", "rule.nightpain.clinician",
                    NICE_CKS.at("red flags: night pain that no change of position eases (cancer, infection); the same"
                            + " flag as the safety screen's night-pain question; seed 004 asks for a specialist's"
                            + " look at persistent night-time back pain"))
                    .about(Symptom.NIGHT_PAIN_NO_POSITION),

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

            Rule.of("possible-fracture", Severity.URGENT, FRACTURE_RED_FLAG,
                    "rule.fracture.patient", "rule.fracture.clinician",
                    NICE_CKS.at("red flags for fracture: sudden onset of severe pain with osteoporosis or steroids, and"
                            + " structural change (loss of height); the kiosk reads age 50 or over, and breastfeeding"
                            + " (lactation-associated bone loss, seed 004 section 2), as risk factors"))
                    .about(Symptom.SUDDEN_SEVERE_PAIN_WITH_FRACTURE_RISK),

            // ---- CONSULT ------------------------------------------------------------------------
            // Replaces the URGENT flag of plugin 0.1 for numbness, tingling or weakness in one leg.
            Rule.of("leg-symptoms", Severity.CONSULT,
                    Condition.all(LEG_SIGNS, Condition.not(BOTH_LEGS), Condition.not(DEFICIT_WORSENING)),
                    "rule.legs.patient", "rule.legs.clinician",
                    new Source(SEED_NIGHT, "closing paragraph: numbness, tingling or weakness in the legs needs a"
                            + " medical look; asked of every patient, not only after a birth; in one leg and not"
                            + " getting worse, CONSULT under the kiosk's severity policy"))
                    .about(Symptom.ONE_LEG),

            Rule.of("night-pain-partly-relieved", Severity.CONSULT,
                    Condition.equals(POSITION_EASES, "partly"),
                    "rule.nightpartly.patient", "rule.nightpartly.clinician",
                    new Source(SEED_NIGHT, "opening paragraph: persistent night-time back pain should be assessed;"
                            + " flagging pain that a change of position only partly eases is the kiosk's own"
                            + " precaution next to the night-pain red flag")),

            Rule.of("pain-persists-when-up", Severity.CONSULT,
                    Condition.equals(EASES_ON_RISING, "no"),
                    "rule.persists.patient", "rule.persists.clinician",
                    new Source(SEED_NIGHT, "introduction and sections 1 to 3: the pain patterns discussed settle on"
                            + " getting up; pain that does not is flagged by the kiosk as not fitting that pattern")),

            Rule.of("postpartum-pain-persisting", Severity.CONSULT,
                    Condition.all(POSTPARTUM, Condition.any(
                            Condition.equals(PAIN_DURATION, "6-weeks-plus"),
                            // Unsure how long, once the birth was six weeks ago or more.
                            Condition.all(Condition.equals(PAIN_DURATION, "unsure"),
                                    Condition.atLeast(Facts.WEEKS_SINCE_BIRTH, POSTPARTUM_WEEKS)),
                            Condition.equals(PAIN_TIMING, "activity"))),
                    "rule.postpartum.patient", "rule.postpartum.clinician",
                    new Source(SEED_NIGHT, "closing paragraph: back pain that persists beyond six weeks, or worsens"
                            + " with activity, needs medical evaluation; the patient's own answer on how long the"
                            + " pain has lasted, and pain worst when active, read as these by the kiosk")),

            Rule.of("sudden-severe-pain", Severity.CONSULT,
                    Condition.all(Condition.equals(WARNING_SIGNS, "sudden-severe"), Condition.not(FRACTURE_RED_FLAG)),
                    "rule.sudden.patient", "rule.sudden.clinician",
                    new Source(SEED_NIGHT, "section 2, postpartum osteoporosis; the kiosk's severity policy:"
                            + " sudden severe pain alone is not a red flag, so the kiosk flags it for the consult"))
                    .about(Symptom.SUDDEN_SEVERE_PAIN),

            Rule.of("height-loss", Severity.CONSULT,
                    Condition.all(Condition.equals(WARNING_SIGNS, "height-loss"), Condition.not(FRACTURE_RED_FLAG)),
                    "rule.heightloss.patient", "rule.heightloss.clinician",
                    new Source(SEED_NIGHT, "section 2, postpartum osteoporosis; loss of height as a sign of"
                            + " vertebral fracture is the kiosk's addition, a consult without sudden severe pain")),

            // ---- INFO (clinician only) ------------------------------------------------------------
            Rule.of("night-pain-eased-by-position", Severity.INFO,
                    Condition.equals(POSITION_EASES, "yes"),
                    null, "rule.nighteased.clinician",
                    new Source(SEED_BED, "section 'The right bed plays a role': sleeping posture and the mattress"
                            + " shape how the back feels")),

            Rule.of("slow-to-settle-on-rising", Severity.INFO,
                    Condition.equals(EASES_ON_RISING, "slowly"),
                    null, "rule.slow.clinician",
                    new Source(SEED_NIGHT, "introduction and 'Other contributing factors': pain and stiffness that"
                            + " settle once up and moving; the 30-minute mark, and inflammatory back pain (NICE NG65),"
                            + " are the kiosk's own")),

            Rule.of("old-mattress", Severity.INFO,
                    Condition.equals(MATTRESS_AGE, "gt10"),
                    null, "rule.oldmattress.clinician",
                    new Source(SEED_BED, "section 'The right bed plays a role'; the ten-year mark is the kiosk's"
                            + " own")),

            Rule.of("postpartum-night-pattern", Severity.INFO,
                    Condition.all(POSTPARTUM, NIGHT_OR_WAKING,
                            Condition.anyOf(EASES_ON_RISING, "quickly", "slowly")),
                    null, "rule.postpartumpattern.clinician",
                    new Source(SEED_NIGHT, "sections 1 and 2 and 'Other contributing factors': mild lumbar"
                            + " spondylolisthesis, lactation-associated osteoporosis, myofascial pain; the seed's"
                            + " lumbar osteophytes (section 3) are left out, as they do not form within the months of"
                            + " a pregnancy; inflammatory back pain (NICE NG65) added by the kiosk")),

            Rule.of("lactation-bone-loss", Severity.INFO,
                    Condition.all(Facts.breastfeeding(), Condition.any(NIGHT_OR_WAKING, FRACTURE_SIGNS)),
                    null, "rule.lactation.clinician",
                    new Source(SEED_NIGHT, "section 2: postpartum osteoporosis while breastfeeding, a deep ache"
                            + " at rest or at night; DEXA, calcium and vitamin D")),

            // ---- ADVICE: none beside a red flag ------------------------------------------------------
            Rule.of("advice-medium-firm-not-soft", Severity.ADVICE,
                    advice(Condition.anyOf(MATTRESS_FIRMNESS, "soft", "unsure")),
                    "rule.notsoft.patient", "rule.notsoft.clinician",
                    new Source(SEED_BED, "Radwan et al. 2015, Sleep Health 1(4):257-267, systematic review cited by"
                            + " the seed: medium-firm mattresses beneficial for chronic non-specific low back pain and"
                            + " rated more comfortable than soft; the seed's '55% better sleep, 48% less pain' are not"
                            + " the review's figures and are not used")),

            Rule.of("advice-medium-firm-not-hard", Severity.ADVICE,
                    advice(Condition.anyOf(MATTRESS_FIRMNESS, "firm", "unsure")),
                    "rule.nothard.patient", "rule.nothard.clinician",
                    KOVACS_2003.at("randomised trial: medium-firm better than firm for low back pain in bed and on"
                            + " rising; named in the content guide, not cited by the seeds")),

            Rule.of("advice-pelvis-level", Severity.ADVICE,
                    advice(Condition.anyOf(PELVIS_SAG, "yes", "unsure")),
                    "rule.pelvis.patient", "rule.pelvis.clinician",
                    new Source(SEED_BED, "Radwan et al. 2015, as summarised in the section 'The right bed plays a"
                            + " role': medium-firm mattresses keep side-lying posture by preventing sagging of the"
                            + " pelvis")),

            Rule.of("advice-knee-pillow", Severity.ADVICE,
                    advice(Condition.all(
                            Condition.anyOf(POSITION, "side", "mixed"),
                            Condition.not(Condition.anyOf(PILLOWS, "between-knees", "body")))),
                    "rule.kneepillow.patient", "rule.kneepillow.clinician",
                    new Source(SEED_BED, "section 'The right bed plays a role': side-lying posture and pelvic"
                            + " sag; pillow between the knees per CONTENT.md sleep row")),

            Rule.of("advice-side-lying", Severity.ADVICE,
                    advice(Condition.all(Condition.anyOf(POSITION, "back", "front"), NIGHT_OR_WAKING)),
                    "rule.sidelying.patient", "rule.sidelying.clinician",
                    new Source(SEED_BED, "section 'The right bed plays a role': a medium-firm mattress keeps good"
                            + " posture especially in side-lying; side-lying with support per CONTENT.md sleep"
                            + " row")),

            Rule.of("advice-replace-mattress", Severity.ADVICE,
                    advice(Condition.equals(MATTRESS_SAG, "yes")),
                    "rule.replace.patient", "rule.replace.clinician",
                    new Source(SEED_BED, "section 'The right bed plays a role': the mattress decides the sleeping"
                            + " posture and how the back feels on waking; replacing a sagging mattress per"
                            + " CONTENT.md sleep row")),

            Rule.of("advice-warmth", Severity.ADVICE,
                    advice(NIGHT_OR_WAKING),
                    "rule.warmth.patient", "rule.warmth.clinician",
                    new Source(SEED_NIGHT, "'Other contributing factors': warm compresses and light self-massage"
                            + " improve blood flow and ease stiffness that builds up at night")),

            Rule.of("advice-calcium-vitamin-d", Severity.ADVICE,
                    advice(Facts.breastfeeding()),
                    "rule.calcium.patient", "rule.calcium.clinician",
                    new Source(SEED_NIGHT, "section 2: breastfeeding draws calcium from the bones; calcium and"
                            + " vitamin D supplementation")),

            Rule.of("advice-feeding-support", Severity.ADVICE,
                    advice(POSTPARTUM),
                    "rule.feeding.patient", "rule.feeding.clinician",
                    new Source(SEED_NIGHT, "'Other contributing factors': lifting the baby without bending the"
                            + " knees; supportive pillows while feeding")),

            Rule.of("advice-core-rehab", Severity.ADVICE,
                    advice(Condition.all(POSTPARTUM, Condition.not(Condition.any(FRACTURE_SIGNS, LEG_SIGNS)))),
                    "rule.core.patient", "rule.core.clinician",
                    new Source(SEED_NIGHT, "section 1: bridge and bird-dog under professional guidance;"
                            + " 'Other contributing factors': pelvic floor and core rehabilitation; held back by the"
                            + " kiosk while leg signs, sudden severe pain or loss of height are to be checked")));

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
