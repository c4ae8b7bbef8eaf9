package com.physiokiosk.topic.stretching;

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

@DisplayName("Pain after stretching topic")
class StretchingTopicTest {

    private final StretchingTopic topic = new StretchingTopic();

    /** A full set of answers with no flag at all: the base most scenarios change one thing in. */
    private static final String[] CALM = {
            "pain-change=not-worse", "pain-score=3", "leg-symptoms=none", "spine-condition=none",
            "stretches=hip-thigh", "hold-time=20-to-30", "technique=none", "new-exercise=no",
            "muscle-balance=similar"};

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

    /** The calm base answers with some of them replaced or added. */
    private static String[] calmBut(String... changes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : CALM) {
            map.put(entry.substring(0, entry.indexOf('=')), entry);
        }
        for (String entry : changes) {
            map.put(entry.substring(0, entry.indexOf('=')), entry);
        }
        return map.values().toArray(String[]::new);
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

    /** The questions a patient with these answers is shown, in order (as the host walks them). */
    private List<String> screensShown(Answers answers) {
        List<String> shown = new ArrayList<>();
        Map<String, List<String>> counted = new LinkedHashMap<>();
        for (Question q : topic.questions()) {
            if (q.enableWhen().test(Answers.of(counted))) {
                shown.add(q.linkId());
                if (answers.isAnswered(q.linkId())) {
                    counted.put(q.linkId(), answers.get(q.linkId()));
                }
            }
        }
        return shown;
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
            // nerve-both-legs
            fires("nerve-both-legs", "tingling in both legs is urgent",
                    "leg-symptoms=tingling", "leg-pattern=both-legs"),
            fires("nerve-both-legs", "shooting pain that moves from leg to leg is urgent",
                    "leg-symptoms=shooting", "leg-pattern=both-legs,worse"),
            quiet("nerve-both-legs", "tingling in one leg is not urgent for both legs",
                    "leg-symptoms=tingling", "leg-pattern=neither"),
            quiet("nerve-both-legs", "no leg symptoms raise no both-legs flag", "leg-symptoms=none"),

            // nerve-getting-worse
            fires("nerve-getting-worse", "numbness that is spreading is urgent",
                    "leg-symptoms=numbness", "leg-pattern=worse"),
            fires("nerve-getting-worse", "weakness that is getting worse is urgent",
                    "leg-symptoms=weakness", "leg-pattern=worse"),
            quiet("nerve-getting-worse", "steady numbness in one leg is not urgent",
                    "leg-symptoms=numbness", "leg-pattern=neither"),
            quiet("nerve-getting-worse", "symptoms in both legs that are not spreading go to the both-legs rule",
                    "leg-symptoms=numbness", "leg-pattern=both-legs"),

            // nerve-symptoms
            fires("nerve-symptoms", "pain shooting down a leg asks to stop stretching and consult",
                    "leg-symptoms=shooting", "leg-pattern=neither"),
            fires("nerve-symptoms", "pins and needles in a foot asks to stop stretching and consult",
                    "leg-symptoms=tingling", "leg-pattern=neither"),
            fires("nerve-symptoms", "numbness in a leg asks to stop stretching and consult",
                    "leg-symptoms=numbness", "leg-pattern=neither"),
            fires("nerve-symptoms", "the consult note stays alongside an urgent flag",
                    "leg-symptoms=tingling", "leg-pattern=both-legs"),
            quiet("nerve-symptoms", "no leg symptoms raise no nerve flag", "leg-symptoms=none"),

            // leg-weakness
            fires("leg-weakness", "a weak leg is flagged on its own",
                    "leg-symptoms=tingling,weakness", "leg-pattern=neither"),
            quiet("leg-weakness", "tingling without weakness gets no weakness flag",
                    "leg-symptoms=tingling", "leg-pattern=neither"),

            // structural-sudden-pain
            fires("structural-sudden-pain", "a sudden sharp pain or pop while stretching is flagged",
                    "pain-change=sudden"),
            fires("structural-sudden-pain", "a pop and pain afterwards is flagged",
                    "pain-change=sudden,after"),
            quiet("structural-sudden-pain", "pain that built up after stretching is not a sudden pop",
                    "pain-change=after"),

            // structural-known-condition
            fires("structural-known-condition", "a known herniated disc made worse by stretching is flagged",
                    "pain-change=after", "spine-condition=disc-herniation"),
            fires("structural-known-condition", "worn discs hurting while stretching are flagged",
                    "pain-change=during", "spine-condition=disc-degeneration"),
            fires("structural-known-condition", "a vertebra out of line and worse after stretching is flagged",
                    "pain-change=after", "spine-condition=misalignment"),
            quiet("structural-known-condition", "a known disc problem not made worse is only noted",
                    "pain-change=not-worse", "spine-condition=disc-herniation"),
            quiet("structural-known-condition", "pain after stretching with no known spine problem is not flagged",
                    "pain-change=after", "spine-condition=none"),

            // severe-pain
            fires("severe-pain", "pain of 8 out of 10 is flagged as severe", "pain-score=8"),
            fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10"),
            quiet("severe-pain", "pain of 7 out of 10 is not flagged as severe", "pain-score=7"),

            // spine-condition-note
            fires("spine-condition-note", "a known back condition not made worse is noted for the physiotherapist",
                    "pain-change=not-worse", "spine-condition=spine-injury"),
            quiet("spine-condition-note", "a known condition made worse is flagged instead of noted",
                    "pain-change=during", "spine-condition=spine-injury"),
            quiet("spine-condition-note", "no known condition gets no note",
                    "pain-change=not-worse", "spine-condition=none"),

            // stretch-routine
            fires("stretch-routine", "the stretches done are noted for the physiotherapist",
                    "stretches=bend-forward,knees-to-chest"),
            fires("stretch-routine", "back arches are noted for the physiotherapist", "stretches=arch-back"),
            quiet("stretch-routine", "no named stretches gets no routine note", "stretches=not-sure"),

            // deconditioned
            fires("deconditioned", "a recent start after years of inactivity is noted", "new-exercise=yes"),
            quiet("deconditioned", "someone who has kept active gets no note", "new-exercise=no"),

            // muscle-imbalance
            fires("muscle-imbalance", "tummy muscles stronger than back muscles is noted",
                    "muscle-balance=tummy-stronger"),
            fires("muscle-imbalance", "back muscles stronger than tummy muscles is noted",
                    "muscle-balance=back-stronger"),
            quiet("muscle-imbalance", "balanced muscles get no note", "muscle-balance=similar"),
            quiet("muscle-imbalance", "not knowing which is stronger gets no note", "muscle-balance=unsure"),

            // advice-stretch-gently
            fires("advice-stretch-gently", "bouncing gets the gentle, held stretch advice",
                    calmBut("technique=bounce")),
            fires("advice-stretch-gently", "short holds get the 20 to 30 second advice",
                    calmBut("hold-time=under-20")),
            fires("advice-stretch-gently", "pain after stretching gets the gentle stretch advice",
                    calmBut("pain-change=after")),
            quiet("advice-stretch-gently", "good technique with no worse pain needs no stretching advice",
                    CALM),
            quiet("advice-stretch-gently", "with nerve symptoms the patient is told to pause, not how to stretch",
                    calmBut("technique=into-pain", "leg-symptoms=tingling", "leg-pattern=neither")),
            quiet("advice-stretch-gently", "after a sudden pop the patient is told to pause, not how to stretch",
                    calmBut("pain-change=sudden", "technique=bounce")),
            quiet("advice-stretch-gently", "a known disc problem made worse is told to pause",
                    calmBut("pain-change=during", "spine-condition=disc-herniation")),

            // advice-build-up
            fires("advice-build-up", "a recent start after inactivity gets build-up advice", "new-exercise=yes"),
            fires("advice-build-up", "rushing into deep stretches gets build-up advice",
                    "new-exercise=no", "technique=rush"),
            fires("advice-build-up", "pushing into pain gets build-up advice",
                    "new-exercise=no", "technique=into-pain"),
            quiet("advice-build-up", "a long-time exerciser who eases in gets no build-up advice",
                    "new-exercise=no", "technique=none"),
            quiet("advice-build-up", "bouncing alone is covered by the stretch advice, not build-up",
                    "new-exercise=no", "technique=bounce"),

            // advice-core-balance
            fires("advice-core-balance", "stronger tummy muscles get core advice", "muscle-balance=tummy-stronger"),
            fires("advice-core-balance", "not knowing which is stronger still gets core advice",
                    "muscle-balance=unsure"),
            fires("advice-core-balance", "a vertebra out of line gets stabilising core advice",
                    "muscle-balance=similar", "spine-condition=misalignment"),
            quiet("advice-core-balance", "balanced muscles and no misalignment get no core advice",
                    "muscle-balance=similar", "spine-condition=none"),

            // advice-target-muscles
            fires("advice-target-muscles", "pain after stretching gets ask-which-muscles advice",
                    "pain-change=after", "stretches=twist"),
            fires("advice-target-muscles", "not knowing the stretches gets ask-which-muscles advice",
                    "pain-change=not-worse", "stretches=not-sure"),
            quiet("advice-target-muscles", "no worse pain with known stretches gets no such advice",
                    "pain-change=not-worse", "stretches=twist"));

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
            List<String> shown = screensShown(s.answers());
            for (Map.Entry<String, List<String>> e : s.answers().asMap().entrySet()) {
                Question q = question(e.getKey());
                assertTrue(shown.contains(q.linkId()), s.name() + ": " + q.linkId() + " would not have been asked");
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

    @Nested
    @DisplayName("whole visits")
    class WholeVisits {

        @Test
        @DisplayName("a calm patient with good technique and no worse pain is only noted, not flagged")
        void calmPatientRaisesOnlyANote() {
            assertEquals(Set.of("stretch-routine"), fired(answers(CALM)));
        }

        @Test
        @DisplayName("the seed's beginner who bounces into pain after years off gets advice and no flags")
        void seedBeginnerGetsAdviceOnly() {
            Set<String> fired = fired(answers(calmBut("pain-change=after", "pain-score=5", "stretches=bend-forward",
                    "hold-time=under-20", "technique=bounce,into-pain", "new-exercise=yes",
                    "muscle-balance=tummy-stronger")));
            assertEquals(Set.of("advice-stretch-gently", "advice-build-up", "advice-core-balance",
                    "advice-target-muscles", "stretch-routine", "deconditioned", "muscle-imbalance"), fired);
        }

        @Test
        @DisplayName("a herniated disc with tingling down one leg after stretching is told to stop and consult")
        void discWithSciaticaConsults() {
            Set<String> fired = fired(answers(calmBut("pain-change=during,after", "leg-symptoms=shooting,tingling",
                    "leg-pattern=neither", "spine-condition=disc-herniation", "stretches=knees-to-chest")));
            assertTrue(fired.containsAll(List.of("nerve-symptoms", "structural-known-condition")), fired.toString());
            assertFalse(fired.contains("advice-stretch-gently"), "told to pause, not how to stretch");
            assertTrue(severities(fired).stream().noneMatch(s -> s == Severity.URGENT), fired.toString());
        }

        @Test
        @DisplayName("numbness in both legs is urgent whatever else was answered")
        void bothLegsIsAlwaysUrgent() {
            Set<String> fired = fired(answers(calmBut("leg-symptoms=numbness", "leg-pattern=both-legs",
                    "pain-score=0")));
            assertTrue(fired.contains("nerve-both-legs"));
            assertTrue(fired.contains("nerve-symptoms"));
        }

        @Test
        @DisplayName("a patient who answers nothing raises nothing")
        void emptyAnswersRaiseNothing() {
            assertEquals(Set.of(), fired(Answers.empty()));
        }

        private List<Severity> severities(Set<String> ruleIds) {
            return ruleIds.stream().map(id -> rule(id).severity()).toList();
        }
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Nested
    @DisplayName("skip logic")
    class SkipLogic {

        @Test
        @DisplayName("a patient with no leg symptoms skips the both-legs and getting-worse question")
        void noLegSymptomsSkipsPattern() {
            List<String> shown = screensShown(answers(CALM));
            assertFalse(shown.contains("leg-pattern"));
        }

        @Test
        @DisplayName("a patient with any leg symptom is asked whether it is in both legs or getting worse")
        void legSymptomsAskPattern() {
            for (String symptom : List.of("shooting", "tingling", "numbness", "weakness")) {
                List<String> shown = screensShown(answers(calmBut("leg-symptoms=" + symptom)));
                assertTrue(shown.contains("leg-pattern"), symptom);
            }
        }

        @Test
        @DisplayName("the leg pattern question is not asked before the leg symptoms are answered")
        void patternWaitsForSymptoms() {
            assertFalse(screensShown(Answers.empty()).contains("leg-pattern"));
        }

        @Test
        @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
        void painScoreIsAScale() {
            assertEquals(QuestionType.SCALE_0_10, question("pain-score").type());
        }

        @Test
        @DisplayName("a patient sees between 8 and 14 screens")
        void screenCount() {
            for (Answers a : List.of(answers(CALM), answers(calmBut("leg-symptoms=tingling")))) {
                int n = screensShown(a).size();
                assertTrue(n >= 8 && n <= 14, n + " screens for " + a);
            }
            assertEquals(screensShown(answers(CALM)).size() + 1,
                    screensShown(answers(calmBut("leg-symptoms=tingling"))).size());
        }

        @Test
        @DisplayName("every symptom or multi-choice question has exactly one exclusive 'none' option, last")
        void multiChoiceHasExclusiveNone() {
            topic.questions().stream().filter(q -> q.type() == QuestionType.MULTI_CHOICE).forEach(q -> {
                assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), q.linkId());
                assertTrue(q.options().get(q.options().size() - 1).exclusive(), q.linkId());
            });
            assertEquals(QuestionType.MULTI_CHOICE, question("leg-symptoms").type());
            assertTrue(question("leg-symptoms").option("none").orElseThrow().exclusive());
        }
    }

    // ---- structure ---------------------------------------------------------------------------

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        @DisplayName("topic info is stretching, order 20, with its icon")
        void topicInfo() {
            TopicInfo info = topic.info();
            assertEquals("stretching", info.id());
            assertEquals(20, info.order());
            assertEquals("stretching.svg", info.icon());
            assertTrue(StretchingTopic.class.isAnnotationPresent(org.pf4j.Extension.class));
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
                assertEquals("002_3884f06a989bdb52.txt", r.source().document(), r.id());
                assertNotNull(r.source().citation(), r.id());
            });
        }

        @Test
        @DisplayName("patients are shown a text for every flag and every advice line")
        void patientTexts() {
            topic.rules().forEach(r -> {
                if (r.severity() != Severity.INFO) {
                    assertNotNull(r.patientKey(), r.id() + " has a patient text");
                } else {
                    assertEquals(null, r.patientKey(), r.id() + " is for the clinician only");
                }
            });
        }

        @Test
        @DisplayName("both CONTENT.md flags are there with their severities")
        void contentFlags() {
            assertEquals(Severity.CONSULT, rule("nerve-symptoms").severity());
            assertEquals(Severity.CONSULT, rule("structural-known-condition").severity());
            assertEquals(Severity.CONSULT, rule("structural-sudden-pain").severity());
            assertEquals(Severity.URGENT, rule("nerve-both-legs").severity());
            assertEquals(Severity.URGENT, rule("nerve-getting-worse").severity());
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
            assertEquals("¿Qué estiramientos ha estado haciendo?", es.getProperty("q.stretches.text"));
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
        @DisplayName("consult patient texts ask the patient to mention it at reception or say who will follow up")
        void consultTextsSayWhatToDo() throws IOException {
            Properties en = bundle("en");
            Properties es = bundle("es");
            topic.rules().stream().filter(r -> r.severity() == Severity.CONSULT).forEach(r -> {
                assertTrue(en.getProperty(r.patientKey()).contains("reception"), r.id());
                assertTrue(es.getProperty(r.patientKey()).contains("recepción"), r.id());
            });
        }

        @Test
        @DisplayName("patient texts never name a diagnosis as certain")
        void noDiagnosis() throws IOException {
            Properties en = bundle("en");
            topic.rules().stream().map(Rule::patientKey).filter(k -> k != null).forEach(k -> {
                String text = en.getProperty(k).toLowerCase(java.util.Locale.ROOT);
                for (String banned : List.of("you have a", "you have sciatica", "diagnos", "cauda equina", "herniated")) {
                    assertFalse(text.contains(banned), k + " contains " + banned);
                }
            });
        }

        @Test
        @DisplayName("the icon is a plain line drawing with no scripts, styles or outside links")
        void icon() throws IOException {
            InputStream in = getClass().getResourceAsStream("/assets/stretching.svg");
            assertNotNull(in, "assets/stretching.svg");
            String svg;
            try (in) {
                svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
            assertTrue(svg.contains("currentColor"));
            String lower = svg.toLowerCase(java.util.Locale.ROOT);
            for (String banned : Arrays.asList("<script", "href", "url(", "onload", "onclick", "<image",
                    "<foreignobject", "style")) {
                assertFalse(lower.contains(banned), banned);
            }
        }
    }
}
