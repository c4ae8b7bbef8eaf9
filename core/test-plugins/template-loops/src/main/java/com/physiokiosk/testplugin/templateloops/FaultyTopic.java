package com.physiokiosk.testplugin.templateloops;

import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import java.util.List;
import org.pf4j.Extension;

/** A deliberately faulty topic for the kiosk's own tests. */
@Extension
public final class FaultyTopic implements Topic {
    @Override
    public TopicInfo info() {
        return new TopicInfo("template-loops", "topic.title", "topic.summary", null, 90);
    }

    @Override
    public List<Question> questions() {
        return List.of(Question.scale("pain-score", "q.pain").withIllustration("loops.jte"), Question.yesNo("ok", "q.ok"));
    }

    @Override
    public List<Rule> rules() {
        return List.of(Rule.of("pain", Severity.CONSULT, Condition.atLeast("pain-score", 8), "r.p", "r.c", Source.of("test")));
    }

    /** One turn of the template's endless loop: a short nap, deaf to interrupts. */
    public static int nap(int turn) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            // Ignored on purpose: a template that will not stop.
        }
        return 0;
    }
}
