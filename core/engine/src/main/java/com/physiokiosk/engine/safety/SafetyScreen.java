package com.physiokiosk.engine.safety;

import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.engine.plugins.TopicValidator;
import java.util.List;

/**
 * The host-owned general safety screen: the classic low-back-pain red flags, asked once of every
 * patient before any topic, whatever topics a clinic enables. Any "yes" is URGENT. Built with the
 * same API as a plugin so it is asked, stored and printed the same way, but no clinic can disable it.
 */
public final class SafetyScreen implements Topic {

    /** Topic id of the safety screen; no plugin may use it. */
    public static final String ID = "safety";

    /** The red flags, in the order asked: linkId and rule id alike. */
    public static final List<String> FLAGS = List.of(
            "saddle-numbness", "bladder-bowel", "both-legs", "fever", "trauma", "cancer-weight-loss", "night-pain");

    private static final Source GUIDANCE = new Source("NICE NG59 (low back pain and sciatica in over 16s)",
            "red flags for cauda equina syndrome, fracture, infection and cancer; cauda equina pathways");

    @Override
    public TopicInfo info() {
        return new TopicInfo(ID, "safety.title", "safety.summary", null, 0);
    }

    @Override
    public List<Question> questions() {
        return FLAGS.stream()
                .map(flag -> Question.yesNo(flag, "safety." + flag).withHelp("safety." + flag + ".help"))
                .toList();
    }

    @Override
    public List<Rule> rules() {
        return FLAGS.stream()
                .map(flag -> Rule.of(flag, Severity.URGENT, Condition.yes(flag), null,
                        "safety." + flag + ".clinician", GUIDANCE))
                .toList();
    }

    /** The safety screen, validated like any topic; a failure here is a bug in the kiosk itself. */
    public static LoadedTopic load() {
        SafetyScreen screen = new SafetyScreen();
        MessageBundle messages = MessageBundle.load("the kiosk's safety screen", SafetyScreen.class.getClassLoader(),
                "com/physiokiosk/engine/safety/messages");
        List<String> problems = TopicValidator.validate(screen.info(), screen.questions(), screen.rules(), messages);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The general safety screen is invalid: " + problems);
        }
        return new LoadedTopic("host", "1.0.0", screen.info(), screen.questions(), screen.rules(), messages,
                SafetyScreen.class.getClassLoader(), null);
    }
}
