package com.physiokiosk.testplugin.haltsatstart;

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
        return new TopicInfo("halts-at-start", "topic.title", "topic.summary", null, 90);
    }

    @Override
    public List<Question> questions() {
        return List.of(Question.scale("pain-score", "q.pain"), Question.yesNo("ok", "q.ok"));
    }

    @Override
    public List<Rule> rules() {
        return List.of(Rule.of("pain", Severity.CONSULT, Condition.atLeast("pain-score", 8), "r.p", "r.c", Source.of("test")));
    }
}
