package com.physiokiosk.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
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

    private static QuestionnaireFlow flow(Answers answers) {
        return QuestionnaireFlow.of(QS, answers);
    }

    @Test
    void questionsThatDoNotApplyAreSkipped() {
        assertEquals(List.of("pregnant-possible", "pain", "notes"), ids(flow(a("pregnant-possible", "no")).asked()));
        assertEquals(List.of("pregnant-possible", "pregnant", "weeks", "pain", "notes"),
                ids(flow(a("pregnant-possible", "yes", "pregnant", "yes")).asked()));
    }

    @Test
    void answersToQuestionsNoLongerAskedDoNotCountEvenForLaterConditions() {
        Answers stale = a("pregnant-possible", "no", "pregnant", "yes", "weeks", "30", "pain", "4");
        assertEquals(a("pregnant-possible", "no", "pain", "4"), flow(stale).effective());
        assertFalse(flow(stale).isAsked("weeks"), "weeks depends on a question no longer asked");
    }

    @Test
    void nextPreviousProgressAndWhatIsMissing() {
        QuestionnaireFlow flow = flow(a("pregnant-possible", "yes"));
        assertEquals("pregnant-possible", flow.first().linkId());
        assertEquals("pregnant", flow.next("pregnant-possible").orElseThrow().linkId());
        assertEquals("pregnant-possible", flow.previous("pregnant").orElseThrow().linkId());
        assertTrue(flow.previous("pregnant-possible").isEmpty());
        assertTrue(flow.next("notes").isEmpty());
        assertTrue(flow.next("weeks").isEmpty(), "a question not asked has no next");
        assertEquals(new QuestionnaireFlow.Progress(2, 4), flow.progress("pregnant"));
        assertEquals("pregnant", flow.firstMissing().orElseThrow().linkId());
        assertFalse(flow.isComplete());
        QuestionnaireFlow done = flow(a("pregnant-possible", "no", "pain", "3"));
        assertTrue(done.firstMissing().isEmpty(), "the optional text question is not missing");
        assertTrue(done.isComplete());
    }

    @Test
    void aPatientMayGoBackToAnyAnswerButNotSkipAheadOfARequiredOne() {
        QuestionnaireFlow flow = flow(a("pregnant-possible", "yes", "pain", "5"));
        assertFalse(flow.isAhead("pregnant-possible"), "answered, before the gap");
        assertFalse(flow.isAhead("pregnant"), "the first missing question itself");
        assertFalse(flow.isAhead("weeks"), "not asked at all: isAsked says so, not isAhead");
        assertFalse(flow.isAhead("pain"), "answered already, so the patient may change it");
        assertTrue(flow.isAhead("notes"), "unanswered, beyond the first missing question");
        assertFalse(flow(a("pregnant-possible", "no", "pain", "3")).isAhead("notes"), "nothing required is missing");
    }
}
