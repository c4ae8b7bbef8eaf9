package com.physiokiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's scenarios on a small fixture plugin loaded through PF4J: they refuse answers no patient could
 * give, and fail when an expectation is wrong, so a plugin's scenario table cannot pass by mistake.
 */
@DisplayName("Scenarios of the test kit")
class ScenarioTest {

    @TempDir
    static Path dir;

    private static PluginUnderTest plugin;

    @BeforeAll
    static void load() {
        plugin = FixtureJar.fixture().load(dir);
    }

    @AfterAll
    static void close() {
        plugin.close();
    }

    private static AssertionError fails(Executable check) {
        return assertThrows(AssertionError.class, check);
    }

    // ---- a patient could not answer that -------------------------------------------------------

    @Test
    @DisplayName("an answer to a question that would not be asked is refused, naming the answers")
    void unaskedQuestionIsImpossible() {
        AssertionError e = fails(() -> plugin.given().answers("pregnant=no", "weeks=32")
                .doesNotRaise("late-pregnancy"));
        assertTrue(e.getMessage().startsWith("Impossible scenario given [pregnant=no, weeks=32]: "), e.getMessage());
        assertTrue(e.getMessage().contains("'weeks' would not be asked given the other answers"), e.getMessage());
    }

    @Test
    @DisplayName("a shared fact is checked against the host's About you questions, skip logic too")
    void sharedFactsAreCheckedLikeAnswers() {
        AssertionError weeks = fails(() -> plugin.given().answers("pain=3", "fact.maternity=none",
                "fact.pregnancy-weeks=12").doesNotRaise("rest"));
        assertTrue(weeks.getMessage().contains("fact 'fact.pregnancy-weeks' would not be asked given the other facts"),
                weeks.getMessage());
        assertTrue(weeks.getMessage().contains("given [fact.maternity=none, fact.pregnancy-weeks=12, pain=3]"),
                "facts are named with the answers: " + weeks.getMessage());
        assertTrue(fails(() -> plugin.given().answer("pain", "3").fact(com.physiokiosk.api.Facts.PAIN_NOW, "11")
                .doesNotRaise("rest")).getMessage().contains("'fact.pain-now=11' is not an answer the kiosk accepts"));
        assertTrue(fails(() -> plugin.given().answers("pain=3", "fact.no-such-fact=yes").doesNotRaise("rest"))
                .getMessage().contains("'fact.no-such-fact' is not a question of topic 'about'"));
        assertThrows(IllegalArgumentException.class, () -> plugin.given().fact("pain", "3"));
        // A possible fact passes and the topic's own rules run as before.
        plugin.given().answers("pain=3", "fact.maternity=pregnant", "fact.pregnancy-weeks=12", "fact.pain-now=9")
                .expect(Severity.ADVICE, "rest").atLeast();
    }

    @Test
    @DisplayName("an answer the kiosk would not accept is refused, with what it accepts")
    void invalidAnswersAreImpossible() {
        assertTrue(fails(() -> plugin.given().answer("pain", "11").doesNotRaise("severe-pain")).getMessage()
                .contains("'pain=11' is not an answer the kiosk accepts (error.number; a whole number from 0 to 10)"));
        assertTrue(fails(() -> plugin.given().answers("pregnant=yes", "weeks=43").doesNotRaise("late-pregnancy"))
                .getMessage().contains("'weeks=43' is not an answer the kiosk accepts (error.number; a whole number from 1 to 42)"));
        assertTrue(fails(() -> plugin.given().answer("pregnant", "maybe").doesNotRaise("late-pregnancy"))
                .getMessage().contains("'pregnant=maybe' is not an answer the kiosk accepts (error.choose-one; yes or no)"));
        assertTrue(fails(() -> plugin.given().answers("legs=numb,none").doesNotRaise("leg-signs")).getMessage()
                .contains("'legs=numb,none' is not an answer the kiosk accepts (error.exclusive"));
        assertTrue(fails(() -> plugin.given().answers("legs=numb,tired").doesNotRaise("leg-signs")).getMessage()
                .contains("(error.choose-listed; any of [numb, weak, none], an exclusive one alone)"));
    }

    @Test
    @DisplayName("an answer to a question the topic does not have, or to an information screen, is refused")
    void unknownQuestionsAndInformationScreensAreImpossible() {
        AssertionError unknown = fails(() -> plugin.given().answers("pain=3", "ghost=yes").doesNotRaise("rest"));
        assertTrue(unknown.getMessage().contains("'ghost' is not a question of topic 'fixture'"), unknown.getMessage());
        AssertionError info = fails(() -> plugin.given().answers("intro=yes").doesNotRaise("rest"));
        assertTrue(info.getMessage().contains("'intro' is an information screen, with nothing to answer"),
                info.getMessage());
    }

    @Test
    @DisplayName("every impossibility of a scenario is named at once")
    void everyProblemIsNamed() {
        AssertionError e = fails(() -> plugin.given().answers("pain=12", "pregnant=no", "weeks=20")
                .expect(Severity.ADVICE, "rest").andNothingElse());
        assertTrue(e.getMessage().contains("'pain=12' is not an answer"), e.getMessage());
        assertTrue(e.getMessage().contains("'weeks' would not be asked"), e.getMessage());
    }

    @Test
    @DisplayName("a stale answer must really be one the kiosk no longer asks, and does not count")
    void staleAnswers() {
        plugin.given().answers("pregnant=no").staleAnswer("weeks", "35").doesNotRaise("late-pregnancy");
        AssertionError e = fails(() -> plugin.given().answers("pregnant=yes").staleAnswer("weeks", "35")
                .doesNotRaise("late-pregnancy"));
        assertTrue(e.getMessage().contains("given [pregnant=yes, weeks=35 (stale)]"), e.getMessage());
        assertTrue(e.getMessage().contains("'weeks' is not stale: it is asked given the other answers"), e.getMessage());
    }

    // ---- a wrong expectation fails -------------------------------------------------------------

    @Test
    @DisplayName("a possible visit with the right findings passes")
    void rightExpectationsPass() {
        plugin.given().answers("pain=9", "pregnant=yes", "weeks=31", "legs=none")
                .expect(Severity.CONSULT, "severe-pain")
                .expect(Severity.INFO, "late-pregnancy")
                .expect(Severity.ADVICE, "rest")
                .andNothingElse();
        plugin.given().answers("pain=2", "pregnant=no", "legs=weak").expect(Severity.URGENT, "leg-signs").atLeast();
        plugin.given().answers("pain=7").doesNotRaise("severe-pain");
    }

    @Test
    @DisplayName("a missing, extra or wrongly graded finding fails, naming the answers")
    void wrongExpectationsFail() {
        AssertionError missing = fails(() -> plugin.given().answers("pain=9").expect(Severity.CONSULT, "severe-pain")
                .andNothingElse());
        assertEquals("given [pain=9]: expected findings {severe-pain=CONSULT} but got {rest=ADVICE, severe-pain=CONSULT}",
                missing.getMessage());
        fails(() -> plugin.given().answers("pain=9").expect(Severity.URGENT, "severe-pain").atLeast());
        fails(() -> plugin.given().answers("pain=7").expect(Severity.CONSULT, "severe-pain").atLeast());
        AssertionError raised = fails(() -> plugin.given().answers("pain=8").doesNotRaise("severe-pain"));
        assertTrue(raised.getMessage().startsWith("given [pain=8]: rule 'severe-pain' should not fire"), raised.getMessage());
    }

    @Test
    @DisplayName("a rule the topic does not have cannot be expected or kept quiet")
    void unknownRulesFail() {
        assertEquals("Topic 'fixture' has no rule 'sever-pain'",
                fails(() -> plugin.given().answers("pain=9").doesNotRaise("sever-pain")).getMessage());
        fails(() -> plugin.given().expect(Severity.CONSULT, "sever-pain"));
    }

    // ---- tables --------------------------------------------------------------------------------

    @Test
    @DisplayName("a table runs one named test per row, checking the rule's own severity")
    void tableRowsRunAsNamedTests() throws Throwable {
        PluginUnderTest fresh = FixtureJar.fixture().load(dir);
        try {
            List<DynamicTest> tests = fresh.table()
                    .fires("severe-pain", "pain of 8 is flagged", "pain=8")
                    .quiet("severe-pain", "pain of 7 is not", "pain=7")
                    .fires("late-pregnancy", "30 weeks is noted", "pregnant=yes", "weeks=30")
                    .tests().toList();
            assertEquals(List.of("pain of 8 is flagged", "pain of 7 is not", "30 weeks is noted"),
                    tests.stream().map(DynamicTest::getDisplayName).toList());
            assertFalse(fresh.coverage().sawFire("severe-pain"), "nothing runs before the tests do");
            for (DynamicTest test : tests) {
                test.getExecutable().execute();
            }
            assertTrue(fresh.coverage().sawFire("severe-pain"));
            assertTrue(fresh.coverage().sawQuiet("severe-pain"));
            assertTrue(fresh.coverage().sawFire("late-pregnancy"));
            assertFalse(fresh.coverage().sawQuiet("late-pregnancy"));
        } finally {
            fresh.close();
        }
    }

    @Test
    @DisplayName("a table row with a wrong expectation or impossible answers fails, and counts for nothing")
    void wrongTableRowsFail() {
        PluginUnderTest fresh = FixtureJar.fixture().load(dir);
        try {
            List<DynamicTest> tests = fresh.table()
                    .fires("severe-pain", "pain of 7 is flagged", "pain=7")
                    .quiet("severe-pain", "pain of 9 is not", "pain=9")
                    .quiet("late-pregnancy", "weeks without being pregnant", "pregnant=no", "weeks=35")
                    .fires("leg-signs", "numb and none at once", "legs=numb,none")
                    .fires("no-such-rule", "a typo", "pain=1")
                    .tests().toList();
            AssertionError first = fails(tests.get(0).getExecutable());
            assertEquals("'pain of 7 is flagged': given [pain=7]: expected CONSULT finding 'severe-pain' among {rest=ADVICE}",
                    first.getMessage());
            fails(tests.get(1).getExecutable());
            assertTrue(fails(tests.get(2).getExecutable()).getMessage().startsWith(
                    "Impossible scenario 'weeks without being pregnant': given [pregnant=no, weeks=35]: "));
            fails(tests.get(3).getExecutable());
            assertEquals("Topic 'fixture' has no rule 'no-such-rule'", fails(tests.get(4).getExecutable()).getMessage());
            for (String rule : List.of("severe-pain", "late-pregnancy", "leg-signs")) {
                assertFalse(fresh.coverage().sawFire(rule) || fresh.coverage().sawQuiet(rule), rule);
            }
        } finally {
            fresh.close();
        }
    }

    @Test
    @DisplayName("answers are written linkId=code or linkId=code,code")
    void answerNotation() {
        assertThrows(IllegalArgumentException.class, () -> plugin.given().answers("pain 3"));
        assertThrows(IllegalArgumentException.class, () -> plugin.given().answers("pain="));
        assertEquals(List.of("intro", "pain", "pregnant", "weeks", "legs"), plugin.asked("pregnant=yes"));
        assertEquals(List.of("intro", "pain", "pregnant", "legs"), plugin.asked("pregnant=no", "legs=numb,weak"));
        assertTrue(fails(() -> plugin.asked("pregnnt=yes")).getMessage()
                .contains("'pregnnt' is not a question of topic 'fixture'"));
    }
}
