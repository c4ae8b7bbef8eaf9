package com.physiokiosk.engine.facts;

import static com.physiokiosk.api.Facts.AGE_20_49;
import static com.physiokiosk.api.Facts.AGE_50_64;
import static com.physiokiosk.api.Facts.AGE_65_PLUS;
import static com.physiokiosk.api.Facts.AGE_BAND;
import static com.physiokiosk.api.Facts.AGE_UNDER_20;
import static com.physiokiosk.api.Facts.BREASTFEEDING;
import static com.physiokiosk.api.Facts.FIRST_EPISODE;
import static com.physiokiosk.api.Facts.MATERNITY;
import static com.physiokiosk.api.Facts.MAYBE_PREGNANT;
import static com.physiokiosk.api.Facts.NONE_OF_THESE;
import static com.physiokiosk.api.Facts.PAIN_AREAS;
import static com.physiokiosk.api.Facts.PAIN_NOW;
import static com.physiokiosk.api.Facts.PEG_ACTIVITY;
import static com.physiokiosk.api.Facts.PEG_ENJOYMENT;
import static com.physiokiosk.api.Facts.PEG_PAIN;
import static com.physiokiosk.api.Facts.PREGNANCY_WEEKS;
import static com.physiokiosk.api.Facts.PREGNANT;
import static com.physiokiosk.api.Facts.RECENT_BIRTH;
import static com.physiokiosk.api.Facts.WEEKS_SINCE_BIRTH;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicValidator;
import java.util.List;

/**
 * The host-owned "About you" screens: the shared {@link Facts}, asked once per visit after the safety
 * screen and read by every topic's conditions and rules. Built with the plugin API like the safety
 * screen, so it is asked, stored, printed and exported the same way, and no clinic can switch it off.
 * The thresholds live in {@link Facts} and are the same for every topic.
 */
public final class AboutYou implements Topic {

    /** Section id of the facts; no plugin may use it. */
    public static final String ID = "about";

    private static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS",
                    "Back pain - low (without radiculopathy)", null,
                    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/")
            .at("red flags: age under 20 or over 50 at a first episode of back pain");
    private static final Source PEG = Source.study("Krebs EE et al. J Gen Intern Med 2009;24:733-8 (PEG scale)", 2009)
            .at("severe: 8 or more out of 10 right now or on average over the past week (the kiosk's one threshold)");
    private static final Source MATERNITY_CARE = Source.guideline("NICE", "NICE NG59",
                    "Low back pain and sciatica in over 16s: assessment and management", 2016,
                    "https://www.nice.org.uk/guidance/ng59")
            .at("context for the physiotherapist: pregnancy, a recent birth and breastfeeding change what can be advised");
    private static final Source CAUDA_EQUINA = new Source("GIRFT CES pathway",
            "red flags for suspected CES: same-day emergency assessment; pain marked on both legs of the pain drawing is"
                    + " read as the safety screen's 'both legs'", "NHS England GIRFT",
            "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023, null);
    private static final Source SCIATICA = Source.guideline("NICE", "NICE CKS", "Sciatica (lumbar radiculopathy)",
                    null, "https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/")
            .at("diagnosis: pain radiating below the knee in one leg, usually worse than the back pain");
    private static final Source WIDESPREAD = Source.study("Wolfe F et al. Arthritis Rheum 1990;33:160-72"
                    + " (American College of Rheumatology 1990 criteria)", 1990)
            .at("widespread pain: left and right of the body, above and below the waist, and axial");

    private static final List<Question> QUESTIONS = List.of(
            Question.singleChoice(AGE_BAND, "about.age",
                    AnswerOption.of(AGE_UNDER_20, "about.age.under-20"),
                    AnswerOption.of(AGE_20_49, "about.age.20-49"),
                    AnswerOption.of(AGE_50_64, "about.age.50-64"),
                    AnswerOption.of(AGE_65_PLUS, "about.age.65-plus")),
            Question.yesNo(FIRST_EPISODE, "about.first-episode").withHelp("about.first-episode.help"),
            Question.multiChoice(MATERNITY, "about.maternity",
                            AnswerOption.of(PREGNANT, "about.maternity.pregnant"),
                            AnswerOption.of(MAYBE_PREGNANT, "about.maternity.maybe-pregnant"),
                            AnswerOption.of(RECENT_BIRTH, "about.maternity.recent-birth"),
                            AnswerOption.of(BREASTFEEDING, "about.maternity.breastfeeding"),
                            AnswerOption.exclusive(NONE_OF_THESE, "about.maternity.none"))
                    .withHelp("about.maternity.help"),
            Question.number(PREGNANCY_WEEKS, "about.pregnancy-weeks", 1, 42)
                    .withHelp("about.pregnancy-weeks.help")
                    .withEnableWhen(Condition.equals(MATERNITY, PREGNANT))
                    .optional(),
            Question.number(WEEKS_SINCE_BIRTH, "about.weeks-since-birth", 0, 52)
                    .withHelp("about.weeks-since-birth.help")
                    .withEnableWhen(Facts.recentBirth()),
            Question.scale(PEG_PAIN, "about.peg-pain").withHelp("about.peg-pain.help"),
            Question.scale(PEG_ENJOYMENT, "about.peg-enjoyment").withHelp("about.peg-interference.help"),
            Question.scale(PEG_ACTIVITY, "about.peg-activity").withHelp("about.peg-interference.help"),
            Question.scale(PAIN_NOW, "about.pain-now").withHelp("about.pain-now.help"),
            // The pain drawing, last: optional, since a patient may have no pain just now.
            Question.bodyAreas(PAIN_AREAS, "about.pain-areas").withHelp("about.pain-areas.help").optional());

    private static final List<Rule> RULES = List.of(
            Rule.of("first-episode-age", Severity.CONSULT,
                    Condition.all(Condition.yes(FIRST_EPISODE), Condition.any(Facts.under20(), Facts.aged50OrOver())),
                    "about.rule.first-episode-age.patient", "about.rule.first-episode-age.clinician", NICE_CKS)
                    .about(Symptom.FIRST_EPISODE_AT_RISK_AGE),
            Rule.of("severe-pain", Severity.CONSULT, Facts.severePain(),
                    "about.rule.severe-pain.patient", "about.rule.severe-pain.clinician", PEG)
                    .about(Symptom.SEVERE_PAIN),
            Rule.of("drawing-both-legs", Severity.URGENT, BodyAreas.bothLegs(PAIN_AREAS),
                    null, "about.rule.drawing-both-legs.clinician", CAUDA_EQUINA)
                    .about(Symptom.BOTH_LEGS),
            Rule.of("drawing-one-leg-below-knee", Severity.CONSULT, BodyAreas.oneLegBelowKnee(PAIN_AREAS),
                    "about.rule.drawing-one-leg.patient", "about.rule.drawing-one-leg.clinician", SCIATICA)
                    .about(Symptom.ONE_LEG),
            Rule.of("drawing-widespread", Severity.INFO, BodyAreas.widespread(PAIN_AREAS),
                    null, "about.rule.drawing-widespread.clinician", WIDESPREAD),
            Rule.of("pregnant", Severity.INFO, Facts.pregnantOrMaybe(),
                    null, "about.rule.pregnant.clinician", MATERNITY_CARE),
            Rule.of("recent-birth", Severity.INFO, Facts.recentBirth(),
                    null, "about.rule.recent-birth.clinician", MATERNITY_CARE),
            Rule.of("breastfeeding", Severity.INFO, Facts.breastfeeding(),
                    null, "about.rule.breastfeeding.clinician", MATERNITY_CARE));

    @Override
    public TopicInfo info() {
        return new TopicInfo(ID, "about.title", "about.summary", null, 1);
    }

    @Override
    public List<Question> questions() {
        return QUESTIONS;
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    /** The fact questions, for checking the conditions of topics that read them. */
    public static List<Question> factQuestions() {
        return QUESTIONS;
    }

    /** The facts section, validated like any topic; a failure here is a bug in the kiosk itself. */
    public static LoadedTopic load() {
        AboutYou about = new AboutYou();
        MessageBundle messages = MessageBundle.load("the kiosk's About you screens", AboutYou.class.getClassLoader(),
                "com/physiokiosk/engine/facts/messages");
        List<String> problems = TopicValidator.validate(about.info(), about.questions(), about.rules(), messages);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The About you screens are invalid: " + problems);
        }
        if (!about.questions().stream().map(Question::linkId).toList().equals(Facts.IDS)) {
            throw new IllegalStateException("The About you screens must ask exactly " + Facts.IDS);
        }
        return new LoadedTopic("host", com.physiokiosk.api.PluginApi.VERSION, about.info(), about.questions(), about.rules(), messages,
                AboutYou.class.getClassLoader(), null);
    }
}
