package com.physiokiosk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Plugin API model")
class ModelTest {

    private static final Answers ANSWERS = Answers.of(Map.of(
            "pregnant", List.of("yes"), "weeks", List.of("38"), "symptoms", List.of("nausea", "dizzy")));

    @Test
    void conditionsTestAnswersAndNameTheQuestionsTheyRead() {
        Condition labour = Condition.all(Condition.yes("pregnant"), Condition.atLeast("weeks", 37),
                Condition.not(Condition.equals("symptoms", "none")));
        assertTrue(labour.test(ANSWERS));
        assertEquals(Set.of("pregnant", "weeks", "symptoms"), labour.linkIds());
        assertFalse(Condition.atMost("weeks", 36).test(ANSWERS));
        assertTrue(Condition.anyOf("symptoms", "vomiting", "dizzy").test(ANSWERS));
        assertFalse(Condition.atLeast("unanswered", 0).test(ANSWERS), "comparisons on no answer are false");
        assertTrue(Condition.not(Condition.answered("unanswered")).test(ANSWERS));
        assertTrue(Condition.always().test(Answers.empty()));
    }

    @Test
    void aRuleRaisesItsFindingWithTheAnswersThatTriggeredIt() {
        Rule rule = Rule.of("labour", Severity.URGENT,
                Condition.all(Condition.yes("pregnant"), Condition.atLeast("weeks", 37)), null, "labour.clinician",
                Source.of("seed 003"));
        Finding f = rule.evaluate(ANSWERS).orElseThrow();
        assertEquals("labour", f.ruleId());
        assertEquals(Severity.URGENT, f.severity());
        assertEquals(Map.of("pregnant", List.of("yes"), "weeks", List.of("38")), f.triggeredBy().asMap());
        assertTrue(rule.evaluate(Answers.empty()).isEmpty());
    }

    @Test
    void answersAreImmutableAndNeverPrintTheirValues() {
        Answers changed = ANSWERS.with("weeks", List.of("39")).with("pregnant", List.of());
        assertEquals(List.of("38"), ANSWERS.get("weeks"));
        assertEquals(List.of("39"), changed.get("weeks"));
        assertFalse(changed.isAnswered("pregnant"));
        assertEquals(39, changed.number("weeks").getAsInt());
        assertTrue(changed.number("symptoms").isEmpty());
        assertFalse(ANSWERS.toString().contains("38"), "health data stays out of logs");
    }

    @Test
    void badDefinitionsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new TopicInfo("Bad Id", "t", "s", null, 1));
        assertThrows(IllegalArgumentException.class, () -> Question.yesNo("Bad Link", "t"));
        assertThrows(IllegalArgumentException.class, () -> Question.singleChoice("a", "t"));
        assertThrows(IllegalArgumentException.class, () -> Question.number("a", "t", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Question.yesNo("a", "t").withIllustration("../x.jte"));
        assertThrows(IllegalArgumentException.class, () -> AnswerOption.of("Has Space", "t"));
        IllegalArgumentException advice = assertThrows(IllegalArgumentException.class,
                () -> Rule.of("r", Severity.ADVICE, Condition.always(), null, "c", Source.of("d")));
        assertTrue(advice.getMessage().contains("advice rule 'r' needs a patient text"));
    }
}
