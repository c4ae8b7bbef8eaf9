package com.physiokiosk.engine.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Topic validation at load")
class TopicValidatorTest {

    private static final TopicInfo INFO = new TopicInfo("demo", "title", "summary", null, 1);
    private static final Source SRC = Source.of("test");

    private static MessageBundle texts(String... extraMissingInEs) {
        Map<String, String> en = new HashMap<>();
        for (String k : List.of("title", "summary", "q.a", "q.b", "q.c", "o.x", "o.y", "r.p", "r.c")) {
            en.put(k, k);
        }
        Map<String, String> es = new HashMap<>(en);
        for (String k : extraMissingInEs) {
            es.remove(k);
        }
        return MessageBundle.of("test", Map.of("en", en, "es", es));
    }

    private static final List<Question> GOOD = List.of(
            Question.yesNo("a", "q.a"),
            Question.singleChoice("b", "q.b", AnswerOption.of("x", "o.x"), AnswerOption.of("y", "o.y"))
                    .withEnableWhen(Condition.yes("a")),
            Question.scale("c", "q.c"));

    @Test
    void aSoundTopicHasNoProblems() {
        List<Rule> rules = List.of(Rule.of("r", Severity.CONSULT, Condition.all(Condition.equals("b", "x"),
                Condition.atLeast("c", 7)), "r.p", "r.c", SRC));
        assertEquals(List.of(), TopicValidator.validate(INFO, GOOD, rules, texts()));
    }

    @Test
    void conditionsMustReferToQuestionsThatExistAndSkipLogicOnlyToEarlierOnes() {
        List<Question> qs = List.of(
                Question.yesNo("a", "q.a").withEnableWhen(Condition.yes("c")),
                Question.yesNo("b", "q.b").withEnableWhen(Condition.yes("ghost")),
                Question.scale("c", "q.c"));
        List<Rule> rules = List.of(Rule.of("r", Severity.URGENT, Condition.yes("phantom"), null, "r.c", SRC));
        List<String> problems = TopicValidator.validate(INFO, qs, rules, texts());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'a' is enabled by 'c', which is not an earlier")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'ghost'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("rule 'r' refers to unknown question 'phantom'")), problems.toString());
    }

    @Test
    @DisplayName("a condition on a body map names regions of the map")
    void bodyMapConditionsNameRegions() {
        List<Question> qs = List.of(Question.bodyAreas("where", "q.a"));
        List<Rule> good = List.of(Rule.of("r", Severity.CONSULT,
                com.physiokiosk.api.BodyAreas.oneLegBelowKnee("where"), "r.p", "r.c", SRC));
        assertEquals(List.of(), TopicValidator.validate(INFO, qs, good, texts()));
        List<Rule> bad = List.of(Rule.of("r", Severity.CONSULT, Condition.equals("where", "front-left-tail"),
                "r.p", "r.c", SRC));
        assertEquals(List.of("rule 'r' compares 'where' with 'front-left-tail', which is not a region of the body map"
                + " (see BodyAreas.REGIONS)"), TopicValidator.validate(INFO, qs, bad, texts()));
    }

    @Test
    void comparedCodesAndNumbersMustFitTheQuestion() {
        List<Rule> rules = List.of(
                Rule.of("r1", Severity.CONSULT, Condition.equals("b", "z"), null, "r.c", SRC),
                Rule.of("r2", Severity.CONSULT, Condition.atLeast("a", 3), null, "r.c", SRC),
                Rule.of("r1", Severity.INFO, Condition.yes("a"), null, "r.c", SRC));
        List<String> problems = TopicValidator.validate(INFO, GOOD, rules, texts());
        assertTrue(problems.stream().anyMatch(p -> p.contains("compares 'b' with 'z'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("compares 'a' as a number")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("rule id 'r1' is used twice")), problems.toString());
    }

    @Test
    void conditionsCannotWaitForAnAnswerToAnInformationScreen() {
        List<Question> qs = List.of(Question.info("intro", "q.a"), Question.yesNo("b", "q.b")
                .withEnableWhen(Condition.answered("intro")));
        List<Rule> rules = List.of(Rule.of("r", Severity.INFO, Condition.not(Condition.answered("intro")), null,
                "r.c", SRC), Rule.of("s", Severity.INFO, Condition.answered("ghost"), null, "r.c", SRC));
        List<String> problems = TopicValidator.validate(INFO, qs, rules, texts());
        assertTrue(problems.contains("question 'b' waits for an answer to 'intro', an information screen that is never answered"),
                problems.toString());
        assertTrue(problems.contains("rule 'r' waits for an answer to 'intro', an information screen that is never answered"),
                problems.toString());
        assertTrue(problems.contains("rule 's' refers to unknown question 'ghost'"), problems.toString());
        assertEquals(List.of(), TopicValidator.validate(INFO, GOOD, List.of(Rule.of("r", Severity.INFO,
                Condition.answered("c"), null, "r.c", SRC)), texts()));
    }

    @Test
    void everyTextMustResolveInEverySupportedLanguage() {
        List<String> problems = TopicValidator.validate(INFO, GOOD, List.of(), texts("o.y"));
        assertEquals(List.of("messages_es.properties lacks [o.y]"), problems);
        List<String> noSpanish = TopicValidator.validate(INFO, GOOD, List.of(),
                MessageBundle.of("t", Map.of("en", Map.of("title", "t", "summary", "s", "q.a", "a", "q.b", "b",
                        "q.c", "c", "o.x", "x", "o.y", "y"))));
        assertEquals(List.of("no messages_es.properties"), noSpanish);
    }

    @Test
    @DisplayName("a rule that rates its declared symptom otherwise than the severity policy is refused, named")
    void aRuleMustRateItsSymptomAsThePolicyDoes() {
        List<Rule> rules = List.of(
                // One leg is CONSULT everywhere: a topic that makes it URGENT is refused.
                Rule.of("one-leg", Severity.URGENT, Condition.yes("a"), null, "r.c", SRC).about(Symptom.ONE_LEG),
                // Both legs is URGENT everywhere: a topic that makes it a consult is refused too.
                Rule.of("both-legs", Severity.CONSULT, Condition.yes("a"), null, "r.c", SRC).about(Symptom.BOTH_LEGS),
                Rule.of("fine", Severity.CONSULT, Condition.yes("a"), null, "r.c", SRC).about(Symptom.ONE_LEG),
                Rule.of("untagged", Severity.URGENT, Condition.yes("a"), null, "r.c", SRC));
        List<String> problems = TopicValidator.validate(INFO, GOOD, rules, texts());
        assertEquals(List.of(
                "rule 'one-leg' flags symptom ONE_LEG as URGENT, but the kiosk's severity policy makes ONE_LEG"
                        + " CONSULT in every topic",
                "rule 'both-legs' flags symptom BOTH_LEGS as CONSULT, but the kiosk's severity policy makes"
                        + " BOTH_LEGS URGENT in every topic"), problems);
    }

    @Test
    @DisplayName("the kiosk's own safety screen and About you rate every symptom they flag as the policy does")
    void theHostsOwnSectionsFollowThePolicy() {
        // load() validates them, symptoms included, and throws on any problem.
        LoadedTopic safety = com.physiokiosk.engine.safety.SafetyScreen.load();
        LoadedTopic about = com.physiokiosk.engine.facts.AboutYou.load();
        assertTrue(safety.rules().stream().filter(r -> r.severity() == Severity.URGENT)
                .allMatch(r -> r.symptom() != null), "every red flag of the safety screen names its symptom");
        assertEquals(Symptom.SEVERE_PAIN, about.rules().stream().filter(r -> r.id().equals("severe-pain"))
                .findFirst().orElseThrow().symptom());
    }

    @Test
    void duplicateLinkIdsAndEmptyTopicsAreRefused() {
        assertTrue(TopicValidator.validate(INFO, List.of(Question.yesNo("a", "q.a"), Question.yesNo("a", "q.b")),
                List.of(), texts()).contains("linkId 'a' is used twice"));
        assertTrue(TopicValidator.validate(INFO, List.of(), List.of(), texts()).contains("topic has no questions"));
    }

    // ---- bounded conditions ---------------------------------------------------------------------

    /** {@code all(c, c, …)} over the same {@code c}, {@code levels} times: few objects, a tree of width^levels nodes. */
    private static Condition sharedBranches(Condition c, int width, int levels) {
        for (int i = 0; i < levels; i++) {
            Condition[] same = new Condition[width];
            java.util.Arrays.fill(same, c);
            c = Condition.all(same);
        }
        return c;
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void aConditionOfSharedBranchesIsRefusedAtLoadAtOnceWithoutBeingWalked() {
        // 17 objects that spell a tree of 8^16 (about 3 * 10^14) nodes: walking it would take days.
        Condition bomb = sharedBranches(Condition.atLeast("c", 7), 8, 16);
        List<Rule> rules = List.of(Rule.of("r", Severity.CONSULT, bomb, "r.p", "r.c", SRC));
        List<Question> qs = List.of(GOOD.get(0), GOOD.get(1), Question.scale("c", "q.c").withEnableWhen(bomb));
        long t0 = System.nanoTime();
        List<String> problems = TopicValidator.validate(INFO, qs, rules, texts());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(problems.contains("rule 'r' has a condition of more than " + TopicValidator.MAX_CONDITION_NODES
                + " parts (a part used twice counts twice)"), problems.toString());
        assertTrue(problems.contains("question 'c' has a condition of more than " + TopicValidator.MAX_CONDITION_NODES
                + " parts (a part used twice counts twice)"), problems.toString());
        assertTrue(ms < 1000, "refused in " + ms + " ms");
        System.out.println("Condition bomb of 8^16 nodes refused in " + ms + " ms");
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void aConditionNestedTooDeepIsRefusedWithoutRunningOutOfStack() {
        Condition deep = Condition.yes("a");
        for (int i = 0; i < 100_000; i++) {
            deep = Condition.not(deep);
        }
        List<String> problems = TopicValidator.validate(INFO, GOOD, List.of(Rule.of("r", Severity.CONSULT, deep, "r.p",
                "r.c", SRC)), texts());
        assertEquals(List.of("rule 'r' has a condition nested deeper than " + TopicValidator.MAX_CONDITION_DEPTH
                + " levels"), problems);
    }

    @Test
    void sharedBranchesWithinTheBoundsAreFineAndCountedAsOftenAsTheyAreUsed() {
        Condition within = sharedBranches(Condition.yes("a"), 2, 7);   // 2^8 - 1 = 255 nodes, 8 levels
        assertEquals(java.util.Optional.empty(), TopicValidator.boundsProblem("x", within));
        Condition over = sharedBranches(Condition.yes("a"), 2, 8);     // 511 nodes from 9 objects
        assertTrue(TopicValidator.boundsProblem("x", over).isPresent());
        Condition deepest = Condition.yes("a");
        for (int i = 1; i < TopicValidator.MAX_CONDITION_DEPTH; i++) {
            deepest = Condition.not(deepest);
        }
        assertEquals(java.util.Optional.empty(), TopicValidator.boundsProblem("x", deepest), "exactly the deepest allowed");
        assertTrue(TopicValidator.boundsProblem("x", Condition.not(deepest)).isPresent(), "one level more");
        // A shared part reached first near the top and then deeper down is still measured to its full depth.
        Condition shared = deepest;
        assertTrue(TopicValidator.boundsProblem("x", Condition.any(shared, Condition.not(shared))).isPresent());
        assertEquals(List.of(), TopicValidator.validate(INFO, GOOD, List.of(Rule.of("r", Severity.CONSULT,
                sharedBranches(Condition.equals("b", "x"), 3, 4), "r.p", "r.c", SRC)), texts()));
    }
}
