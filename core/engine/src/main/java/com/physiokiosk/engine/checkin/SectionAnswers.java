package com.physiokiosk.engine.checkin;

import com.physiokiosk.api.Question;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.List;

/**
 * One section of a visit (the safety screen, the shared facts, or a topic) as evaluated now, ready to
 * be stored: the questions asked, the answers that count and what the rules found.
 *
 * @param topic     the section's questions, rules and texts
 * @param asked     the questions asked for these answers, in order
 * @param answers   the answers that count (skip logic applied)
 * @param findings  what the rules raise now, most severe first
 * @param withdrawn URGENT findings raised earlier in the visit that the patient's changed answers no
 *                  longer raise: staff were alerted to them, so they are kept, marked as changed
 * @param finished  whether the patient answered the section to its end
 */
public record SectionAnswers(LoadedTopic topic, List<Question> asked, Answers answers, List<Finding> findings,
                             List<Finding> withdrawn, boolean finished) {

    public SectionAnswers {
        asked = List.copyOf(asked);
        findings = List.copyOf(findings);
        withdrawn = List.copyOf(withdrawn);
    }
}
