package com.physiokiosk.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Skip logic and navigation")
class QuestionnaireFlowTest {

    private static final List<Question> QS = List.of(
            Question.yesNo("pregnant-possible", "t"),
            Question.yesNo("pregnant", "t").withEnableWhen(Condition.yes("pregnant-possible")),
            Question.number("weeks", "t", 1, 42).withEnableWhen(Condition.yes("pregnant")),
            Question.scale("pain", "t"),
            Question.shortText("notes", "t"));

    private static Answers a(Object... kv) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], List.of((String) kv[i + 1]));
        }
        return Answers.of(m);
    }

    private static List<String> ids(List<Question> qs) {
        return qs.stream().map(Question::linkId).toList();
    }

    @Test
    void questionsThatDoNotApplyAreSkipped() {
        assertEquals(List.of("pregnant-possible", "pain", "notes"), ids(QuestionnaireFlow.enabled(QS, a("pregnant-possible", "no"))));
        assertEquals(List.of("pregnant-possible", "pregnant", "weeks", "pain", "notes"),
                ids(QuestionnaireFlow.enabled(QS, a("pregnant-possible", "yes", "pregnant", "yes"))));
    }

    @Test
    void answersToQuestionsNoLongerAskedDoNotCountEvenForLaterConditions() {
        Answers stale = a("pregnant-possible", "no", "pregnant", "yes", "weeks", "30", "pain", "4");
        assertEquals(a("pregnant-possible", "no", "pain", "4"), QuestionnaireFlow.effective(QS, stale));
        assertFalse(QuestionnaireFlow.isAsked(QS, stale, "weeks"), "weeks depends on a question no longer asked");
    }

    @Test
    void nextPreviousProgressAndWhatIsMissing() {
        Answers answers = a("pregnant-possible", "yes");
        assertEquals("pregnant", QuestionnaireFlow.next(QS, answers, "pregnant-possible").orElseThrow().linkId());
        assertEquals("pregnant-possible", QuestionnaireFlow.previous(QS, answers, "pregnant").orElseThrow().linkId());
        assertTrue(QuestionnaireFlow.next(QS, answers, "notes").isEmpty());
        assertEquals(new QuestionnaireFlow.Progress(2, 4), QuestionnaireFlow.progress(QS, answers, "pregnant"));
        assertEquals("pregnant", QuestionnaireFlow.firstMissing(QS, answers).orElseThrow().linkId());
        assertTrue(QuestionnaireFlow.firstMissing(QS, a("pregnant-possible", "no", "pain", "3")).isEmpty(),
                "the optional text question is not missing");
    }
}
