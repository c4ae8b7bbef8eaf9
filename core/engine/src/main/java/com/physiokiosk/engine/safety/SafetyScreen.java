package com.physiokiosk.engine.safety;

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
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * The host-owned general safety screen, asked once of every patient before the facts and any
 * topic, whatever topics a clinic enables: one plain yes/no question per red flag, each with its
 * own rule, clinician note and the guidance that makes it a red flag. A "yes" is URGENT, acted on
 * the moment it is answered. Built with the same API as a plugin so it is asked, stored and printed
 * the same way, but no clinic can disable it.
 */
public final class SafetyScreen implements Topic {

    /** Topic id of the safety screen; no plugin may use it. */
    public static final String ID = "safety";

    /**
     * The information screen that opens the safety screen: some questions are personal, and why everyone
     * is asked them. Nothing to answer; it is shown before the first flag.
     */
    public static final String LEAD_IN = "lead-in";

    /** Yes/no questions asked of everyone, in the order asked (after {@link #LEAD_IN}). */
    public static final List<String> FLAGS = List.of(
            "saddle-numbness", "bladder", "bowel", "both-legs", "leg-weakening",
            "trauma", "minor-fall", "fever", "cancer", "weight-loss", "night-pain");

    /** Asked only after a "yes" to {@code minor-fall}: thin bones or long-term steroid tablets. */
    public static final String THIN_BONES = "thin-bones";

    /** The last question, asked of everyone: what puts the patient at risk of a spinal infection (CONSULT). */
    public static final String INFECTION_RISK = "infection-risk";

    private static final Source CAUDA_EQUINA = new Source("GIRFT CES pathway",
            "red flags for suspected CES: same-day emergency assessment", "NHS England GIRFT",
            "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023, null);
    private static final Source NICE_CKS = Source.guideline("NICE", "NICE CKS",
                    "Back pain - low (without radiculopathy)", null,
                    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/")
            .at("red flags for serious underlying causes");
    private static final Source NICE_NG234 = Source.guideline("NICE", "NICE NG234",
                    "Spinal metastases and metastatic spinal cord compression", 2023,
                    "https://www.nice.org.uk/guidance/ng234")
            .at("history of cancer with new back pain");

    @Override
    public TopicInfo info() {
        return new TopicInfo(ID, "safety.title", "safety.summary", null, 0);
    }

    @Override
    public List<Question> questions() {
        List<Question> out = new ArrayList<>();
        out.add(Question.info(LEAD_IN, "safety.lead-in").withHelp("safety.lead-in.help"));
        for (String flag : FLAGS) {
            out.add(Question.yesNo(flag, "safety." + flag).withHelp("safety." + flag + ".help"));
            if (flag.equals("minor-fall")) {
                out.add(Question.yesNo(THIN_BONES, "safety." + THIN_BONES).withHelp("safety." + THIN_BONES + ".help")
                        .withEnableWhen(Condition.yes("minor-fall")));
            }
        }
        out.add(Question.multiChoice(INFECTION_RISK, "safety.infection-risk",
                        AnswerOption.of("immune", "safety.infection-risk.immune"),
                        AnswerOption.of("injected-drugs", "safety.infection-risk.injected-drugs"),
                        AnswerOption.of("spinal-procedure", "safety.infection-risk.spinal-procedure"),
                        AnswerOption.exclusive("none", "safety.infection-risk.none"))
                .withHelp("safety.infection-risk.help"));
        return List.copyOf(out);
    }

    @Override
    public List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        out.add(urgent("saddle-numbness", Condition.yes("saddle-numbness"), CAUDA_EQUINA, Symptom.SADDLE));
        out.add(urgent("bladder", Condition.yes("bladder"), CAUDA_EQUINA, Symptom.BLADDER));
        out.add(urgent("bowel", Condition.yes("bowel"), CAUDA_EQUINA, Symptom.BOWEL));
        out.add(urgent("both-legs", Condition.yes("both-legs"), CAUDA_EQUINA, Symptom.BOTH_LEGS));
        out.add(urgent("leg-weakening", Condition.yes("leg-weakening"), CAUDA_EQUINA, Symptom.LEG_WEAKENING));
        out.add(urgent("trauma", Condition.yes("trauma"), NICE_CKS, Symptom.SERIOUS_INJURY));
        // A minor fall or lift is a red flag for a fracture only with fragile bones: over 50 (a fact
        // asked next, so this can fire on the age answer), osteoporosis or long-term steroids.
        out.add(urgent("minor-fall", Condition.all(Condition.yes("minor-fall"),
                Condition.any(Condition.yes(THIN_BONES), Facts.aged50OrOver())), NICE_CKS,
                Symptom.MINOR_INJURY_WITH_FRACTURE_RISK));
        out.add(urgent("fever", Condition.yes("fever"), NICE_CKS, Symptom.FEVER_OR_UNWELL));
        out.add(urgent("cancer", Condition.yes("cancer"), NICE_NG234, Symptom.PAST_CANCER));
        out.add(urgent("weight-loss", Condition.yes("weight-loss"), NICE_CKS, Symptom.WEIGHT_LOSS));
        out.add(urgent("night-pain", Condition.yes("night-pain"), NICE_CKS, Symptom.NIGHT_PAIN_NO_POSITION));
        out.add(Rule.of(INFECTION_RISK, Severity.CONSULT,
                Condition.anyOf(INFECTION_RISK, "immune", "injected-drugs", "spinal-procedure"),
                null, "safety.infection-risk.clinician", NICE_CKS).about(Symptom.INFECTION_RISK));
        return List.copyOf(out);
    }

    private static Rule urgent(String id, Condition when, Source source, Symptom symptom) {
        return Rule.of(id, Severity.URGENT, when, null, "safety." + id + ".clinician", source).about(symptom);
    }

    /** The safety screen, validated like any topic; a failure here is a bug in the kiosk itself. */
    public static LoadedTopic load() {
        SafetyScreen screen = new SafetyScreen();
        MessageBundle messages = MessageBundle.load("the kiosk's safety screen", SafetyScreen.class.getClassLoader(),
                "com/physiokiosk/engine/safety/messages");
        List<String> problems = TopicValidator.validate(screen.info(), screen.questions(), screen.rules(), messages,
                AboutYou.factQuestions());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The general safety screen is invalid: " + problems);
        }
        return new LoadedTopic("host", com.physiokiosk.api.PluginApi.VERSION, screen.info(), screen.questions(), screen.rules(), messages,
                SafetyScreen.class.getClassLoader(), null);
    }
}
