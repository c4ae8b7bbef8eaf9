package com.physiokiosk.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.engine.topic.ConditionLinks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The engine reads a topic's conditions and rules on answers")
class ConditionsTest {

    private static final Answers ANSWERS = Answers.of(Map.of(
            "pregnant", List.of("yes"), "weeks", List.of("38"), "symptoms", List.of("nausea", "dizzy")));

    @Test
    void conditionsTestAnswersAndNameTheQuestionsTheyRead() {
        Condition labour = Condition.all(Condition.yes("pregnant"), Condition.atLeast("weeks", 37),
                Condition.not(Condition.equals("symptoms", "none")));
        assertTrue(Conditions.test(labour, ANSWERS));
        assertEquals(Set.of("pregnant", "weeks", "symptoms"), ConditionLinks.of(labour));
        assertFalse(Conditions.test(Condition.atMost("weeks", 36), ANSWERS));
        assertTrue(Conditions.test(Condition.anyOf("symptoms", "vomiting", "dizzy"), ANSWERS));
        assertFalse(Conditions.test(Condition.atLeast("unanswered", 0), ANSWERS), "comparisons on no answer are false");
        assertTrue(Conditions.test(Condition.not(Condition.answered("unanswered")), ANSWERS));
        assertTrue(Conditions.test(Condition.always(), Answers.empty()));
    }

    @Test
    void aRuleRaisesItsFindingWithTheAnswersThatTriggeredIt() {
        Rule rule = Rule.of("labour", Severity.URGENT,
                Condition.all(Condition.yes("pregnant"), Condition.atLeast("weeks", 37)), null, "labour.clinician",
                Source.of("seed 003"));
        Finding f = RuleEvaluator.evaluate(rule, ANSWERS).orElseThrow();
        assertEquals("labour", f.ruleId());
        assertEquals(Severity.URGENT, f.severity());
        assertEquals(Map.of("pregnant", List.of("yes"), "weeks", List.of("38")), f.triggeredBy().asMap());
        assertTrue(RuleEvaluator.evaluate(rule, Answers.empty()).isEmpty());
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
    void everyKindOfConditionIsReadAndNestedOnesToo() {
        Condition nested = Condition.any(Condition.not(Condition.always()),
                Condition.all(Condition.answered("a"), Condition.atMost("b", 2), Condition.equals("c", "x")));
        Answers given = Answers.of(Map.of("a", List.of("t"), "b", List.of("2"), "c", List.of("x")));
        assertTrue(Conditions.test(nested, given));
        assertFalse(Conditions.test(nested, given.with("b", List.of("3"))));
        assertFalse(Conditions.test(nested, given.with("b", List.of("two"))), "not a number: no comparison holds");
        assertEquals(List.of("a", "b", "c"), List.copyOf(ConditionLinks.of(nested)), "in the order they appear");
        assertThrows(UnsupportedOperationException.class, () -> ConditionLinks.of(nested).add("d"));
    }
}
