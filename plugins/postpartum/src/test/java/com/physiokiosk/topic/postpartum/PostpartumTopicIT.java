package com.physiokiosk.topic.postpartum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Finding;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.TopicInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@DisplayName("Back pain after having a baby topic")
class PostpartumTopicTest {

    private final PostpartumTopic topic = new PostpartumTopic();

    // ---- helpers -----------------------------------------------------------------------------

    /** Answers written as {@code "linkId=code"} or {@code "linkId=code1,code2"}. */
    private static Answers answers(String... entries) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            map.put(entry.substring(0, eq), List.of(entry.substring(eq + 1).split(",")));
        }
        return Answers.of(map);
    }

    private Set<String> fired(Answers answers) {
        return topic.rules().stream()
                .map(rule -> rule.evaluate(answers))
                .flatMap(java.util.Optional::stream)
                .map(Finding::ruleId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Rule rule(String id) {
        return topic.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + id));
    }

    private Question question(String linkId) {
        return topic.questions().stream().filter(q -> q.linkId().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no question " + linkId));
    }

    /** The questions a patient with these answers is shown, in order. */
    private List<String> screensShown(Answers answers) {
        return topic.questions().stream()
                .filter(q -> q.enableWhen().test(answers))
                .map(Question::linkId)
                .toList();
    }

    private static void walk(Condition condition, Consumer<Condition> visitor) {
        visitor.accept(condition);
        if (condition instanceof Condition.AllOf all) {
            all.conditions().forEach(c -> walk(c, visitor));
        } else if (condition instanceof Condition.AnyOf any) {
            any.conditions().forEach(c -> walk(c, visitor));
        } else if (condition instanceof Condition.Not not) {
            walk(not.condition(), visitor);
        }
    }

    private Map<String, Condition> everyCondition() {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        topic.questions().forEach(q -> conditions.put("enableWhen of question " + q.linkId(), q.enableWhen()));
        topic.rules().forEach(r -> conditions.put("rule " + r.id(), r.when()));
        return conditions;
    }

    private Properties bundle(String language) throws IOException {
        String name = "/messages_" + language + ".properties";
        InputStream in = getClass().getResourceAsStream(name);
        assertNotNull(in, name + " is on the classpath");
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private Set<String> keysUsed() {
        Set<String> keys = new LinkedHashSet<>();
        TopicInfo info = topic.info();
        keys.add(info.titleKey());
        keys.add(info.summaryKey());
        for (Question q : topic.questions()) {
            keys.add(q.textKey());
            if (q.helpKey() != null) {
                keys.add(q.helpKey());
            }
            q.options().forEach(o -> keys.add(o.textKey()));
        }
        for (Rule r : topic.rules()) {
            if (r.patientKey() != null) {
                keys.add(r.patientKey());
            }
            keys.add(r.clinicianKey());
        }
        return keys;
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    /** One patient's answers and whether {@code ruleId} should raise a finding for them. */
    private record Scenario(String name, String ruleId, boolean fires, Answers answers) {
    }

    private static Scenario fires(String ruleId, String name, String... answers) {
        return new Scenario(name, ruleId, true, answers(answers));
    }

    private static Scenario quiet(String ruleId, String name, String... answers) {
        return new Scenario(name, ruleId, false, answers(answers));
    }

    private static final List<Scenario> SCENARIOS = List.of(
            // leg-nerve-signs
            fires("leg-nerve-signs", "numbness in a leg is urgent", "leg-symptoms=numbness"),
            fires("leg-nerve-signs", "tingling in a leg is urgent", "leg-symptoms=tingling"),
            fires("leg-nerve-signs", "a weak leg with numbness is urgent", "leg-symptoms=weakness,numbness"),
            quiet("leg-nerve-signs", "no leg symptoms is not urgent", "leg-symptoms=none"),

            // possible-vertebral-fracture
            fires("possible-vertebral-fracture", "sudden, very severe pain is urgent",
                    "sudden-or-height=sudden-severe"),
            fires("possible-vertebral-fracture", "becoming shorter is urgent", "sudden-or-height=height-loss"),
            fires("possible-vertebral-fracture", "sudden severe pain with loss of height is urgent",
                    "sudden-or-height=sudden-severe,height-loss"),
            quiet("possible-vertebral-fracture", "neither sign is not urgent", "sudden-or-height=none"),

            // night-pain-no-position
            fires("night-pain-no-position", "night pain that no position eases is urgent",
                    "night-pain=no-position"),
            quiet("night-pain-no-position", "night pain that eases on getting up is not urgent",
                    "night-pain=eases-on-rising"),
            quiet("night-pain-no-position", "night pain that stays after getting up is not urgent",
                    "night-pain=stays"),

            // pain-beyond-six-weeks
            fires("pain-beyond-six-weeks", "pain for six weeks or more is flagged", "pain-duration=6-weeks-plus"),
            fires("pain-beyond-six-weeks", "unsure how long, months after the birth, is flagged",
                    "gave-birth=yes", "weeks-since-birth=3-12-months", "pain-duration=unsure"),
            fires("pain-beyond-six-weeks", "a carer unsure how long is flagged",
                    "gave-birth=no", "pain-duration=unsure"),
            quiet("pain-beyond-six-weeks", "pain for less than six weeks is not flagged",
                    "pain-duration=under-6-weeks"),
            quiet("pain-beyond-six-weeks", "unsure how long, within six weeks of the birth, is not flagged",
                    "gave-birth=yes", "weeks-since-birth=under-6-weeks", "pain-duration=unsure"),

            // worse-with-activity
            fires("worse-with-activity", "pain worse with activity is flagged", "activity-worse=yes"),
            quiet("worse-with-activity", "pain not worse with activity is not flagged", "activity-worse=no"),

            // night-pain-persists
            fires("night-pain-persists", "night pain that stays after getting up is flagged", "night-pain=stays"),
            quiet("night-pain-persists", "night pain that eases on getting up is not flagged",
                    "night-pain=eases-on-rising"),
            quiet("night-pain-persists", "night pain that no position eases goes to the urgent rule instead",
                    "night-pain=no-position"),

            // severe-pain
            fires("severe-pain", "pain of 8 out of 10 is flagged as severe", "pain-score=8"),
            fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10"),
            quiet("severe-pain", "pain of 7 out of 10 is not flagged as severe", "pain-score=7"),

            // note-night-pattern
            fires("note-night-pattern", "night pain easing on getting up gets a clinician note",
                    "night-pain=eases-on-rising"),
            quiet("note-night-pattern", "no night pain gets no note", "night-pain=no"),
            quiet("note-night-pattern", "night pain that stays gets the consult flag, not this note",
                    "night-pain=stays"),

            // note-lactation-bone
            fires("note-lactation-bone", "breastfeeding with night pain gets a bone-health note",
                    "gave-birth=yes", "night-pain=eases-on-rising", "breastfeeding=yes"),
            fires("note-lactation-bone", "recently stopped breastfeeding with little calcium gets the note",
                    "gave-birth=yes", "night-pain=no", "breastfeeding=stopped", "calcium-vitamin-d=little"),
            fires("note-lactation-bone", "breastfeeding with loss of height gets the note",
                    "gave-birth=yes", "sudden-or-height=height-loss", "breastfeeding=yes"),
            quiet("note-lactation-bone", "night pain without breastfeeding gets no bone-health note",
                    "gave-birth=yes", "night-pain=eases-on-rising", "breastfeeding=no"),
            quiet("note-lactation-bone", "breastfeeding with a supplement and no night pain gets no note",
                    "gave-birth=yes", "night-pain=no", "sudden-or-height=none", "breastfeeding=yes",
                    "calcium-vitamin-d=supplement"),

            // advice-core-exercise
            fires("advice-core-exercise", "night pain that eases on rising gets core exercise advice",
                    "night-pain=eases-on-rising", "leg-symptoms=none", "sudden-or-height=none"),
            quiet("advice-core-exercise", "no exercise advice with tingling in a leg",
                    "night-pain=eases-on-rising", "leg-symptoms=tingling", "sudden-or-height=none"),
            quiet("advice-core-exercise", "no exercise advice with signs of a possible fracture",
                    "night-pain=eases-on-rising", "leg-symptoms=none", "sudden-or-height=sudden-severe"),
            quiet("advice-core-exercise", "no night pain, no core exercise advice", "night-pain=no"),

            // advice-pelvic-core-rehab
            fires("advice-pelvic-core-rehab", "a patient who gave birth gets the rehabilitation advice",
                    "gave-birth=yes", "leg-symptoms=none"),
            quiet("advice-pelvic-core-rehab", "a partner gets no rehabilitation advice", "gave-birth=no"),
            quiet("advice-pelvic-core-rehab", "no rehabilitation advice with numbness in a leg",
                    "gave-birth=yes", "leg-symptoms=numbness"),

            // advice-calcium-vitamin-d
            fires("advice-calcium-vitamin-d", "little calcium gets calcium and vitamin D advice",
                    "gave-birth=yes", "calcium-vitamin-d=little"),
            fires("advice-calcium-vitamin-d", "calcium from food only gets the advice",
                    "gave-birth=yes", "calcium-vitamin-d=food"),
            fires("advice-calcium-vitamin-d", "not knowing gets the advice",
                    "gave-birth=yes", "calcium-vitamin-d=unsure"),
            quiet("advice-calcium-vitamin-d", "taking a supplement gets no calcium advice",
                    "gave-birth=yes", "calcium-vitamin-d=supplement"),

            // advice-warmth-massage
            fires("advice-warmth-massage", "pain now gets warmth and massage advice", "pain-score=3"),
            fires("advice-warmth-massage", "night pain without pain right now still gets the advice",
                    "pain-score=0", "night-pain=stays"),
            quiet("advice-warmth-massage", "no pain now and none at night gets no advice",
                    "pain-score=0", "night-pain=no"),

            // advice-topical-nursing
            fires("advice-topical-nursing", "breastfeeding with pain is told to ask before using a gel",
                    "gave-birth=yes", "pain-score=4", "breastfeeding=yes"),
            quiet("advice-topical-nursing", "after stopping breastfeeding the ordinary gel advice applies",
                    "gave-birth=yes", "pain-score=4", "breastfeeding=stopped"),
            quiet("advice-topical-nursing", "breastfeeding without pain gets no gel advice",
                    "gave-birth=yes", "pain-score=0", "night-pain=no", "breastfeeding=yes"),

            // advice-topical-relief
            fires("advice-topical-relief", "a partner with pain is offered a pharmacy gel",
                    "gave-birth=no", "pain-score=4"),
            fires("advice-topical-relief", "not breastfeeding, with pain, is offered a pharmacy gel",
                    "gave-birth=yes", "pain-score=4", "breastfeeding=no"),
            quiet("advice-topical-relief", "breastfeeding is not simply offered a pharmacy gel",
                    "gave-birth=yes", "pain-score=4", "breastfeeding=yes"),
            quiet("advice-topical-relief", "no pain gets no gel advice",
                    "gave-birth=no", "pain-score=0", "night-pain=no"),

            // advice-feeding-support
            fires("advice-feeding-support", "hunching over to feed gets pillow advice", "feeding-posture=hunched"),
            fires("advice-feeding-support", "not sure how one sits to feed gets the advice",
                    "feeding-posture=varies"),
            quiet("advice-feeding-support", "sitting supported gets no feeding advice", "feeding-posture=supported"),
            quiet("advice-feeding-support", "someone who does not feed the baby gets no feeding advice",
                    "feeding-posture=not-feeding"),

            // advice-lifting
            fires("advice-lifting", "lifting the baby with straight legs gets bend-your-knees advice",
                    "lifting=back-bent"),
            fires("advice-lifting", "not sure how one lifts gets the advice", "lifting=varies"),
            quiet("advice-lifting", "lifting with bent knees gets no lifting advice", "lifting=knees-bent"),

            // advice-footwear
            fires("advice-footwear", "pain worse when active gets footwear advice", "activity-worse=yes"),
            quiet("advice-footwear", "pain not worse when active gets no footwear advice", "activity-worse=no"),

            // advice-mattress
            fires("advice-mattress", "a sagging mattress gets mattress advice", "mattress=soft-sagging"),
            fires("advice-mattress", "a very hard mattress gets mattress advice", "mattress=too-hard"),
            fires("advice-mattress", "not knowing gets mattress advice", "mattress=unsure"),
            quiet("advice-mattress", "a supportive mattress gets no mattress advice", "mattress=supportive"));

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios() {
        return SCENARIOS.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            boolean fired = rule(s.ruleId()).evaluate(s.answers()).isPresent();
            assertEquals(s.fires(), fired,
                    "'" + s.name() + "': rule " + s.ruleId() + (s.fires() ? " should fire" : " should not fire"));
        }));
    }

    @Test
    @DisplayName("every rule has a scenario that fires it and a close one that does not")
    void everyRuleHasAFiringAndAQuietScenario() {
        for (Rule r : topic.rules()) {
            assertTrue(SCENARIOS.stream().anyMatch(s -> s.ruleId().equals(r.id()) && s.fires()),
                    "no scenario fires " + r.id());
            assertTrue(SCENARIOS.stream().anyMatch(s -> s.ruleId().equals(r.id()) && !s.fires()),
                    "no scenario keeps " + r.id() + " quiet");
        }
        Set<String> ids = topic.rules().stream().map(Rule::id).collect(Collectors.toSet());
        SCENARIOS.forEach(s -> assertTrue(ids.contains(s.ruleId()), "scenario names unknown rule " + s.ruleId()));
    }

    @Test
    @DisplayName("every scenario is something a patient could really answer")
    void everyScenarioIsAPossibleAnswerSet() {
        for (Scenario s : SCENARIOS) {
            for (Map.Entry<String, List<String>> e : s.answers().asMap().entrySet()) {
                Question q = question(e.getKey());
                assertTrue(q.enableWhen().test(s.answers()),
                        s.name() + ": " + q.linkId() + " would not have been asked");
                assertValidAnswer(q, e.getValue(), s.name());
            }
        }
    }

    private static void assertValidAnswer(Question q, List<String> values, String where) {
        switch (q.type()) {
            case YES_NO -> {
                assertEquals(1, values.size(), where + ": one answer to " + q.linkId());
                assertTrue(Set.of("yes", "no").contains(values.get(0)), where + ": yes/no for " + q.linkId());
            }
            case SINGLE_CHOICE, MULTI_CHOICE -> {
                if (q.type() == QuestionType.SINGLE_CHOICE) {
                    assertEquals(1, values.size(), where + ": one answer to " + q.linkId());
                }
                values.forEach(v -> assertTrue(q.option(v).isPresent(), where + ": " + v + " is an option of " + q.linkId()));
                boolean exclusiveChosen = values.stream().anyMatch(v -> q.option(v).orElseThrow().exclusive());
                assertFalse(exclusiveChosen && values.size() > 1, where + ": exclusive option chosen with others");
            }
            case SCALE_0_10, NUMBER -> {
                assertEquals(1, values.size(), where + ": one answer to " + q.linkId());
                int n = Integer.parseInt(values.get(0));
                assertTrue(n >= q.min() && n <= q.max(), where + ": " + n + " within range of " + q.linkId());
            }
            default -> fail(where + ": " + q.linkId() + " cannot be answered");
        }
    }

    // ---- whole visits ------------------------------------------------------------------------

    /** A whole visit of a patient who gave birth, with no warning signs; entries given replace its answers. */
    private static Answers calmBirthParent(String... changes) {
        Map<String, List<String>> map = new LinkedHashMap<>(answers(
                "gave-birth=yes", "weeks-since-birth=6-12-weeks", "pain-score=3", "pain-duration=under-6-weeks",
                "night-pain=no", "activity-worse=no", "leg-symptoms=none", "sudden-or-height=none",
                "breastfeeding=no", "calcium-vitamin-d=supplement", "lifting=knees-bent",
                "feeding-posture=supported", "mattress=supportive").asMap());
        map.putAll(answers(changes).asMap());
        return Answers.of(map);
    }

    @Nested
    @DisplayName("whole visits")
    class WholeVisits {

        @Test
        @DisplayName("a mother with mild pain and good habits gets only general self-care advice")
        void calmVisitGetsAdviceOnly() {
            assertEquals(Set.of("advice-pelvic-core-rehab", "advice-warmth-massage", "advice-topical-relief"),
                    fired(calmBirthParent()));
        }

        @Test
        @DisplayName("the seed's picture: breastfeeding, night pain easing on waking, low calcium, lifting with a bent back")
        void seedPicture() {
            Set<String> fired = fired(calmBirthParent("night-pain=eases-on-rising", "breastfeeding=yes",
                    "calcium-vitamin-d=little", "lifting=back-bent", "feeding-posture=hunched",
                    "mattress=soft-sagging"));
            assertEquals(Set.of("note-night-pattern", "note-lactation-bone", "advice-core-exercise",
                    "advice-pelvic-core-rehab", "advice-calcium-vitamin-d", "advice-warmth-massage",
                    "advice-topical-nursing", "advice-feeding-support", "advice-lifting", "advice-mattress"), fired);
        }

        @Test
        @DisplayName("sudden severe pain and loss of height while breastfeeding is urgent, with no exercise advice")
        void fractureSignsAreUrgentWithoutExercise() {
            Set<String> fired = fired(calmBirthParent("sudden-or-height=sudden-severe,height-loss",
                    "breastfeeding=yes", "night-pain=eases-on-rising", "pain-score=9"));
            assertTrue(fired.contains("possible-vertebral-fracture"));
            assertTrue(fired.contains("severe-pain"));
            assertTrue(fired.contains("note-lactation-bone"));
            assertFalse(fired.contains("advice-core-exercise"));
            assertFalse(fired.contains("advice-pelvic-core-rehab"));
        }

        @Test
        @DisplayName("a partner with tingling in a leg is urgent and gets no birth-related advice")
        void partnerWithTinglingIsUrgent() {
            Set<String> fired = fired(answers("gave-birth=no", "pain-score=5", "pain-duration=under-6-weeks",
                    "night-pain=no", "activity-worse=yes", "leg-symptoms=tingling", "sudden-or-height=none",
                    "lifting=back-bent", "feeding-posture=not-feeding", "mattress=supportive"));
            assertEquals(Set.of("leg-nerve-signs", "worse-with-activity", "advice-warmth-massage",
                    "advice-topical-relief", "advice-lifting", "advice-footwear"), fired);
        }

        @Test
        @DisplayName("whatever else is answered, each red flag alone raises an urgent finding")
        void everyRedFlagIsUrgentOnItsOwn() {
            for (String flag : List.of("leg-symptoms=numbness", "leg-symptoms=weakness", "leg-symptoms=tingling",
                    "sudden-or-height=sudden-severe", "sudden-or-height=height-loss", "night-pain=no-position")) {
                Set<String> fired = fired(calmBirthParent(flag));
                assertTrue(fired.stream().anyMatch(id -> rule(id).severity() == Severity.URGENT), flag + " " + fired);
            }
        }

        @Test
        @DisplayName("a patient who answers nothing raises nothing")
        void emptyAnswersRaiseNothing() {
            assertEquals(Set.of(), fired(Answers.empty()));
        }
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Nested
    @DisplayName("skip logic")
    class SkipLogic {

        private static final List<String> BIRTH_ONLY = List.of("weeks-since-birth", "breastfeeding", "calcium-vitamin-d");

        @Test
        @DisplayName("a partner or other carer skips the questions about the birth, feeding and calcium")
        void partnerSkipsBirthQuestions() {
            List<String> shown = screensShown(answers("gave-birth=no"));
            BIRTH_ONLY.forEach(id -> assertFalse(shown.contains(id), id));
        }

        @Test
        @DisplayName("a patient who gave birth is asked about the birth, feeding and calcium")
        void birthParentIsAskedEverything() {
            List<String> shown = screensShown(answers("gave-birth=yes"));
            BIRTH_ONLY.forEach(id -> assertTrue(shown.contains(id), id));
        }

        @Test
        @DisplayName("the questions only for birth parents depend on the birth question")
        void birthQuestionsDependOnGate() {
            BIRTH_ONLY.forEach(id -> assertEquals(Condition.yes("gave-birth"), question(id).enableWhen(), id));
        }

        @Test
        @DisplayName("everyone is asked about the pain, the legs, sudden pain, lifting, feeding posture and the mattress")
        void sharedQuestionsAreAlwaysAsked() {
            for (String id : List.of("intro", "gave-birth", "pain-score", "pain-duration", "night-pain",
                    "activity-worse", "leg-symptoms", "sudden-or-height", "lifting", "feeding-posture", "mattress")) {
                assertEquals(Condition.always(), question(id).enableWhen(), id);
            }
        }

        @Test
        @DisplayName("a patient sees between 8 and 14 screens")
        void screenCount() {
            assertEquals(11, screensShown(answers("gave-birth=no")).size());
            assertEquals(14, screensShown(answers("gave-birth=yes")).size());
            for (Answers a : List.of(answers("gave-birth=no"), answers("gave-birth=yes"))) {
                int n = screensShown(a).size();
                assertTrue(n >= 8 && n <= 14, n + " screens for " + a);
            }
        }

        @Test
        @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
        void painScoreIsAScale() {
            assertEquals(QuestionType.SCALE_0_10, question("pain-score").type());
        }

        @Test
        @DisplayName("the symptom questions are multiple choice with one exclusive 'none of these' option")
        void symptomQuestionsHaveExclusiveNone() {
            for (String id : List.of("leg-symptoms", "sudden-or-height")) {
                Question q = question(id);
                assertEquals(QuestionType.MULTI_CHOICE, q.type(), id);
                assertTrue(q.option("none").orElseThrow().exclusive(), id);
                assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), id);
            }
        }
    }

    // ---- structure ---------------------------------------------------------------------------

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        @DisplayName("topic info is postpartum, order 40, with its icon")
        void topicInfo() {
            TopicInfo info = topic.info();
            assertEquals("postpartum", info.id());
            assertEquals(40, info.order());
            assertEquals("postpartum.svg", info.icon());
            assertTrue(PostpartumTopic.class.isAnnotationPresent(org.pf4j.Extension.class));
        }

        @Test
        @DisplayName("linkIds are unique")
        void linkIdsUnique() {
            List<String> ids = topic.questions().stream().map(Question::linkId).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
        }

        @Test
        @DisplayName("rule ids are unique")
        void ruleIdsUnique() {
            List<String> ids = topic.rules().stream().map(Rule::id).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
        }

        @Test
        @DisplayName("every condition names questions of the topic, and enableWhen only earlier ones")
        void conditionsNameKnownQuestions() {
            List<String> linkIds = topic.questions().stream().map(Question::linkId).toList();
            everyCondition().forEach((where, c) ->
                    c.linkIds().forEach(id -> assertTrue(linkIds.contains(id), where + " names unknown " + id)));
            for (int i = 0; i < topic.questions().size(); i++) {
                Question q = topic.questions().get(i);
                List<String> earlier = linkIds.subList(0, i);
                q.enableWhen().linkIds().forEach(id ->
                        assertTrue(earlier.contains(id), q.linkId() + " depends on later question " + id));
            }
        }

        @Test
        @DisplayName("every Equals code is a valid option of its question, and comparisons read numbers")
        void conditionCodesAreValid() {
            everyCondition().forEach((where, condition) -> walk(condition, c -> {
                if (c instanceof Condition.Equals eq) {
                    Question q = question(eq.linkId());
                    if (q.type() == QuestionType.YES_NO) {
                        assertTrue(Set.of("yes", "no").contains(eq.code()),
                                where + ": " + eq.code() + " is not yes/no for " + q.linkId());
                    } else {
                        assertTrue(q.type().hasOptions(), where + ": " + q.linkId() + " has no options");
                        assertTrue(q.option(eq.code()).isPresent(),
                                where + ": " + eq.code() + " is not an option of " + q.linkId());
                    }
                } else if (c instanceof Condition.AtLeast at) {
                    assertNumeric(question(at.linkId()), where);
                } else if (c instanceof Condition.AtMost at) {
                    assertNumeric(question(at.linkId()), where);
                } else if (c instanceof Condition.Answered a) {
                    assertTrue(question(a.linkId()).type().isAnswerable(), where + ": " + a.linkId());
                }
            }));
        }

        private void assertNumeric(Question q, String where) {
            assertTrue(q.type() == QuestionType.NUMBER || q.type() == QuestionType.SCALE_0_10,
                    where + ": " + q.linkId() + " is not a number");
        }

        @Test
        @DisplayName("every rule names the seed article as its source, with the section it rests on")
        void everyRuleCitesTheSeed() {
            topic.rules().forEach(r -> {
                assertEquals("004_a5cbf8c0782e5487.txt", r.source().document(), r.id());
                assertNotNull(r.source().citation(), r.id());
            });
        }

        @Test
        @DisplayName("patients are shown a text for every flag and every advice line")
        void patientTexts() {
            topic.rules().forEach(r -> {
                if (r.severity() != Severity.INFO) {
                    assertNotNull(r.patientKey(), r.id() + " has a patient text");
                }
            });
        }

        @Test
        @DisplayName("each red flag of the content guide is URGENT, and each 'consult' flag is CONSULT")
        void severitiesFollowTheContentGuide() {
            assertEquals(Severity.URGENT, rule("leg-nerve-signs").severity());
            assertEquals(Severity.URGENT, rule("possible-vertebral-fracture").severity());
            assertEquals(Severity.URGENT, rule("night-pain-no-position").severity());
            assertEquals(Severity.CONSULT, rule("pain-beyond-six-weeks").severity());
            assertEquals(Severity.CONSULT, rule("worse-with-activity").severity());
            assertEquals(Severity.INFO, rule("note-night-pattern").severity());
            assertEquals(Severity.INFO, rule("note-lactation-bone").severity());
        }
    }

    // ---- messages ----------------------------------------------------------------------------

    @Nested
    @DisplayName("messages")
    class Messages {

        @Test
        @DisplayName("every key the topic uses exists, not blank, in English and Spanish")
        void everyKeyInBothBundles() throws IOException {
            for (String language : List.of("en", "es")) {
                Properties p = bundle(language);
                List<String> missing = new ArrayList<>();
                for (String key : keysUsed()) {
                    String value = p.getProperty(key);
                    if (value == null || value.isBlank()) {
                        missing.add(key);
                    }
                }
                assertTrue(missing.isEmpty(), "messages_" + language + " lacks " + missing);
            }
        }

        @Test
        @DisplayName("both bundles have the same keys, and no key is unused")
        void bundlesMatch() throws IOException {
            Set<String> en = bundle("en").stringPropertyNames();
            Set<String> es = bundle("es").stringPropertyNames();
            assertEquals(en, es);
            assertEquals(keysUsed(), en, "the bundles hold exactly the keys the topic uses");
        }

        @Test
        @DisplayName("keys are lower-case and dotted")
        void keyFormat() {
            keysUsed().forEach(k -> assertTrue(k.matches("[a-z0-9]+(\\.[a-z0-9]+)+"), k));
        }

        @Test
        @DisplayName("Spanish is read as UTF-8 with its accents intact")
        void spanishAccents() throws IOException {
            Properties es = bundle("es");
            assertEquals("¿Dio usted a luz al bebé?", es.getProperty("q.gavebirth.text"));
            assertTrue(es.values().stream().map(Object::toString).noneMatch(v -> v.contains("\uFFFD")));
        }

        @Test
        @DisplayName("texts carry no apostrophes or braces, so message formatting cannot mangle them")
        void formatSafe() throws IOException {
            for (String language : List.of("en", "es")) {
                bundle(language).forEach((k, v) -> assertFalse(
                        v.toString().contains("'") || v.toString().contains("{") || v.toString().contains("}"),
                        language + " " + k));
            }
        }

        @Test
        @DisplayName("urgent patient texts tell the patient to speak to reception now")
        void urgentTextsSendToReception() throws IOException {
            Properties en = bundle("en");
            Properties es = bundle("es");
            topic.rules().stream().filter(r -> r.severity() == Severity.URGENT).forEach(r -> {
                assertTrue(en.getProperty(r.patientKey()).startsWith("Please speak to reception now."), r.id());
                assertTrue(es.getProperty(r.patientKey()).startsWith("Por favor, hable ahora con recepción."), r.id());
            });
        }

        @Test
        @DisplayName("patient texts name no diagnosis and echo nothing private from the answers")
        void patientTextsAreDiscreet() throws IOException {
            Map<String, List<String>> banned = Map.of(
                    "en", List.of("breast", "milk", "nursing", "pelvic floor", "bladder", "fracture", "osteoporosis",
                            "spondylolisthesis", "bone spur", "herniat", "diagnos"),
                    "es", List.of("pecho", "leche", "lactancia", "suelo pélvico", "vejiga", "fractura", "osteoporosis",
                            "espondilolistesis", "osteofito", "hernia", "diagnóstico"));
            for (String language : List.of("en", "es")) {
                Properties p = bundle(language);
                for (Rule r : topic.rules()) {
                    if (r.patientKey() == null) {
                        continue;
                    }
                    String text = p.getProperty(r.patientKey()).toLowerCase(Locale.ROOT);
                    banned.get(language).forEach(word ->
                            assertFalse(text.contains(word), language + " " + r.patientKey() + " mentions " + word));
                }
            }
        }

        @Test
        @DisplayName("the icon is a plain line drawing with no scripts, styles or outside links")
        void icon() throws IOException {
            InputStream in = getClass().getResourceAsStream("/assets/postpartum.svg");
            assertNotNull(in, "assets/postpartum.svg");
            String svg;
            try (in) {
                svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
            assertTrue(svg.contains("stroke=\"currentColor\""));
            String lower = svg.toLowerCase(Locale.ROOT);
            for (String banned : Arrays.asList("<script", "href", "url(", "onload", "onclick", "<image",
                    "<foreignobject", "style", "http:", "https:")) {
                if (banned.startsWith("http")) {
                    // the SVG namespace is the only address allowed
                    assertFalse(lower.replace("http://www.w3.org/2000/svg", "").contains(banned), banned);
                } else {
                    assertFalse(lower.contains(banned), banned);
                }
            }
        }
    }
}
