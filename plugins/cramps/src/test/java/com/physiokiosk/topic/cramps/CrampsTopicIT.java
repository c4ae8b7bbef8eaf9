package com.physiokiosk.topic.cramps;

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

@DisplayName("Back cramps topic")
class CrampsTopicTest {

    private final CrampsTopic topic = new CrampsTopic();

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
    record Scenario(String name, String ruleId, boolean fires, Answers answers) {
    }

    private static Scenario fires(String ruleId, String name, String... answers) {
        return new Scenario(name, ruleId, true, answers(answers));
    }

    private static Scenario quiet(String ruleId, String name, String... answers) {
        return new Scenario(name, ruleId, false, answers(answers));
    }

    static final List<Scenario> SCENARIOS = List.of(
            // labour-signs
            fires("labour-signs", "late pregnancy with rhythmic cramps is urgent",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=38", "rhythmic=yes"),
            fires("labour-signs", "rhythmic cramps at 20 weeks already count as possible labour",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=20", "rhythmic=yes"),
            quiet("labour-signs", "late pregnancy with steady, not rhythmic, cramps is not flagged as labour",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=38", "rhythmic=no"),
            quiet("labour-signs", "rhythmic cramps at 19 weeks are not called labour",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=19", "rhythmic=yes"),
            quiet("labour-signs", "rhythmic cramps in someone not pregnant are not called labour",
                    "periods-or-pregnant=yes", "pregnant=no", "rhythmic=yes"),

            // pregnancy-rhythmic-cramps
            fires("pregnancy-rhythmic-cramps", "early pregnancy with rhythmic cramps is urgent",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=10", "rhythmic=yes"),
            fires("pregnancy-rhythmic-cramps", "maybe pregnant with rhythmic cramps is urgent",
                    "periods-or-pregnant=yes", "pregnant=unsure", "rhythmic=yes"),
            fires("pregnancy-rhythmic-cramps", "pregnant with no weeks given and rhythmic cramps is urgent",
                    "periods-or-pregnant=yes", "pregnant=yes", "rhythmic=yes"),
            quiet("pregnancy-rhythmic-cramps", "early pregnancy without rhythmic cramps is not urgent",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=10", "rhythmic=no"),
            quiet("pregnancy-rhythmic-cramps", "late pregnancy with rhythmic cramps goes to the labour rule instead",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=30", "rhythmic=yes"),

            // unwell-signs
            fires("unwell-signs", "cramps with vomiting are urgent",
                    "unwell=vomiting", "belly=no"),
            fires("unwell-signs", "cramps with dizziness and clammy skin are urgent",
                    "unwell=dizzy,clammy", "belly=no"),
            fires("unwell-signs", "pain wrapping to the belly with nausea is urgent",
                    "unwell=nausea", "belly=yes"),
            quiet("unwell-signs", "nausea alone, pain staying in the back, is not urgent",
                    "unwell=nausea", "belly=no"),
            quiet("unwell-signs", "none of the unwell signs is not urgent",
                    "unwell=none", "belly=no"),

            // belly-or-nausea
            fires("belly-or-nausea", "pain wrapping round to the belly needs a doctor today",
                    "unwell=none", "belly=yes"),
            fires("belly-or-nausea", "nausea with cramps needs a doctor today",
                    "unwell=nausea", "belly=no"),
            quiet("belly-or-nausea", "pain that stays in the back with no sickness is not flagged",
                    "unwell=none", "belly=no"),
            quiet("belly-or-nausea", "belly pain with vomiting is raised as urgent, not as a consult",
                    "unwell=vomiting", "belly=yes"),

            // not-muscular
            fires("not-muscular", "pain that does not feel muscular is flagged for the physiotherapist",
                    "muscular=not-muscular"),
            quiet("not-muscular", "tight, knotted pain that eases with heat is not flagged",
                    "muscular=muscular"),
            quiet("not-muscular", "being unsure what the pain feels like is not flagged as non-muscular",
                    "muscular=unsure"),

            // severe-pain
            fires("severe-pain", "pain of 8 out of 10 is flagged as severe", "pain-score=8"),
            fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10"),
            quiet("severe-pain", "pain of 7 out of 10 is not flagged as severe", "pain-score=7"),

            // rhythmic-cramps
            fires("rhythmic-cramps", "rhythmic, increasing cramps in someone not pregnant are flagged",
                    "rhythmic=yes", "periods-or-pregnant=no"),
            quiet("rhythmic-cramps", "cramps that do not come in waves are not flagged",
                    "rhythmic=no", "periods-or-pregnant=no"),
            quiet("rhythmic-cramps", "rhythmic cramps in pregnancy go to the urgent pregnancy rules instead",
                    "rhythmic=yes", "periods-or-pregnant=yes", "pregnant=unsure"),

            // character-unclear
            fires("character-unclear", "a patient unsure whether the pain is muscular gets a note",
                    "muscular=unsure"),
            quiet("character-unclear", "a patient sure the pain is muscular gets no note",
                    "muscular=muscular"),

            // menstrual-link
            fires("menstrual-link", "cramps around periods are noted for the physiotherapist",
                    "periods-or-pregnant=yes", "pregnant=no", "period-link=yes"),
            quiet("menstrual-link", "cramps unrelated to periods are not noted",
                    "periods-or-pregnant=yes", "pregnant=no", "period-link=no"),

            // pregnancy
            fires("pregnancy", "pregnancy is noted for the physiotherapist",
                    "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=24"),
            fires("pregnancy", "possible pregnancy is noted for the physiotherapist",
                    "periods-or-pregnant=yes", "pregnant=unsure"),
            quiet("pregnancy", "someone who is not pregnant gets no pregnancy note",
                    "periods-or-pregnant=yes", "pregnant=no"),

            // advice-heat
            fires("advice-heat", "anyone who answers the topic is offered heat", "pain-score=3"),
            quiet("advice-heat", "no heat advice when the topic was not answered"),

            // advice-massage
            fires("advice-massage", "knotted, muscular pain gets massage advice", "muscular=muscular"),
            fires("advice-massage", "unsure what the pain feels like still gets massage advice", "muscular=unsure"),
            quiet("advice-massage", "pain that does not feel muscular gets no massage advice",
                    "muscular=not-muscular"),

            // advice-stretch
            fires("advice-stretch", "cramps after sport get stretching advice", "trigger=sport"),
            fires("advice-stretch", "cramps after stretching get advice on stretching right", "trigger=stretching"),
            quiet("advice-stretch", "cramps after long sitting get no stretching advice", "trigger=sitting"),

            // advice-lifting
            fires("advice-lifting", "cramps after lifting get lift-with-your-knees advice", "trigger=lifting"),
            fires("advice-lifting", "cramps after gym weights get lifting advice", "trigger=weights"),
            quiet("advice-lifting", "cramps after running get no lifting advice", "trigger=running"),

            // advice-warm-up
            fires("advice-warm-up", "cramps after running get warm-up advice", "trigger=running"),
            fires("advice-warm-up", "cramps after sport get warm-up advice", "trigger=sport,shoes"),
            quiet("advice-warm-up", "cramps after lifting a box get no warm-up advice", "trigger=lifting"),

            // advice-posture
            fires("advice-posture", "cramps after long sitting get posture advice", "trigger=sitting"),
            fires("advice-posture", "cramps after running get posture advice", "trigger=running"),
            quiet("advice-posture", "cramps after lifting get no posture advice", "trigger=lifting"),

            // advice-shoes
            fires("advice-shoes", "cramps blamed on shoes get supportive-shoe advice", "trigger=shoes"),
            quiet("advice-shoes", "cramps after sitting get no shoe advice", "trigger=sitting"),
            quiet("advice-shoes", "not sure what caused it gets no shoe advice", "trigger=none"),

            // advice-pain-relief
            fires("advice-pain-relief", "someone not pregnant is offered over-the-counter relief",
                    "pain-score=5", "periods-or-pregnant=no"),
            fires("advice-pain-relief", "period-related cramps are offered over-the-counter relief",
                    "pain-score=5", "periods-or-pregnant=yes", "pregnant=no", "period-link=yes"),
            quiet("advice-pain-relief", "someone pregnant is not advised over-the-counter medicine",
                    "pain-score=5", "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=12"),
            quiet("advice-pain-relief", "someone who may be pregnant is not advised over-the-counter medicine",
                    "pain-score=5", "periods-or-pregnant=yes", "pregnant=unsure"),

            // advice-medicine-check
            fires("advice-medicine-check", "someone pregnant is told to ask before taking medicine",
                    "pain-score=5", "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=12"),
            quiet("advice-medicine-check", "someone not pregnant is not given the pregnancy medicine check",
                    "pain-score=5", "periods-or-pregnant=yes", "pregnant=no"));

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

    @Nested
    @DisplayName("whole visits")
    class WholeVisits {

        @Test
        @DisplayName("a desk worker with a knotted muscle gets self-care advice and no flags")
        void deskWorkerGetsAdviceOnly() {
            Set<String> fired = fired(answers("trigger=sitting", "pain-score=4", "muscular=muscular",
                    "rhythmic=no", "belly=no", "unwell=none", "periods-or-pregnant=no"));
            assertEquals(Set.of("advice-heat", "advice-massage", "advice-posture", "advice-pain-relief"), fired);
        }

        @Test
        @DisplayName("a runner who lifts weights gets warm-up, stretching, lifting and posture advice")
        void runnerWhoLiftsWeights() {
            Set<String> fired = fired(answers("trigger=running,weights", "pain-score=5", "muscular=muscular",
                    "rhythmic=no", "belly=no", "unwell=none", "periods-or-pregnant=no"));
            assertTrue(fired.containsAll(List.of("advice-warm-up", "advice-stretch", "advice-lifting",
                    "advice-posture", "advice-heat", "advice-massage", "advice-pain-relief")), fired.toString());
            assertTrue(severities(fired).stream().allMatch(s -> s == Severity.ADVICE), fired.toString());
        }

        @Test
        @DisplayName("late pregnancy with rhythmic cramps is urgent and gets no over-the-counter medicine advice")
        void latePregnancyIsUrgentWithoutMedicineAdvice() {
            Set<String> fired = fired(answers("trigger=none", "pain-score=7", "muscular=unsure",
                    "rhythmic=yes", "belly=no", "unwell=none", "periods-or-pregnant=yes", "pregnant=yes",
                    "pregnancy-weeks=37"));
            assertTrue(fired.contains("labour-signs"));
            assertFalse(fired.contains("pregnancy-rhythmic-cramps"));
            assertFalse(fired.contains("rhythmic-cramps"));
            assertFalse(fired.contains("advice-pain-relief"));
            assertTrue(fired.contains("advice-medicine-check"));
        }

        @Test
        @DisplayName("the food-poisoning picture of the seed (belly, dizzy, clammy, vomiting) is urgent once")
        void seedPostOneIsUrgent() {
            Set<String> fired = fired(answers("trigger=none", "pain-score=8", "muscular=not-muscular",
                    "rhythmic=no", "belly=yes", "unwell=nausea,vomiting,dizzy,clammy", "periods-or-pregnant=no"));
            assertTrue(fired.contains("unwell-signs"));
            assertFalse(fired.contains("belly-or-nausea"), "the urgent finding replaces the consult one");
            assertTrue(fired.contains("not-muscular"));
            assertTrue(fired.contains("severe-pain"));
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
        @DisplayName("someone without periods who cannot be pregnant skips the pregnancy and period questions")
        void gateNoSkipsEverything() {
            List<String> shown = screensShown(answers("periods-or-pregnant=no"));
            assertFalse(shown.contains("pregnant"));
            assertFalse(shown.contains("pregnancy-weeks"));
            assertFalse(shown.contains("period-link"));
        }

        @Test
        @DisplayName("someone pregnant is asked how many weeks, not about periods")
        void pregnantIsAskedWeeks() {
            List<String> shown = screensShown(answers("periods-or-pregnant=yes", "pregnant=yes"));
            assertTrue(shown.contains("pregnancy-weeks"));
            assertFalse(shown.contains("period-link"));
        }

        @Test
        @DisplayName("someone not pregnant, or not sure, is asked about periods, not weeks")
        void notPregnantIsAskedAboutPeriods() {
            for (String answer : List.of("no", "unsure")) {
                List<String> shown = screensShown(answers("periods-or-pregnant=yes", "pregnant=" + answer));
                assertFalse(shown.contains("pregnancy-weeks"), answer);
                assertTrue(shown.contains("period-link"), answer);
            }
        }

        @Test
        @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
        void painScoreIsAScale() {
            Question q = question("pain-score");
            assertEquals(QuestionType.SCALE_0_10, q.type());
        }

        @Test
        @DisplayName("pregnancy weeks is a number from 1 to 42")
        void weeksRange() {
            Question q = question("pregnancy-weeks");
            assertEquals(QuestionType.NUMBER, q.type());
            assertEquals(1, q.min());
            assertEquals(42, q.max());
        }

        @Test
        @DisplayName("a patient sees between 8 and 12 screens")
        void screenCount() {
            List<Answers> journeys = List.of(
                    answers("periods-or-pregnant=no"),
                    answers("periods-or-pregnant=yes", "pregnant=yes"),
                    answers("periods-or-pregnant=yes", "pregnant=no"),
                    answers("periods-or-pregnant=yes", "pregnant=unsure"));
            for (Answers a : journeys) {
                int n = screensShown(a).size();
                assertTrue(n >= 8 && n <= 12, n + " screens for " + a);
            }
        }

        @Test
        @DisplayName("'what started it' has an exclusive 'not sure / none of these' option")
        void triggerHasExclusiveNone() {
            Question q = question("trigger");
            assertEquals(QuestionType.MULTI_CHOICE, q.type());
            assertTrue(q.option("none").orElseThrow().exclusive());
            assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count());
        }
    }

    // ---- structure ---------------------------------------------------------------------------

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        @DisplayName("topic info is cramps, order 30, with its icon")
        void topicInfo() {
            TopicInfo info = topic.info();
            assertEquals("cramps", info.id());
            assertEquals(30, info.order());
            assertEquals("cramps.svg", info.icon());
            assertTrue(CrampsTopic.class.isAnnotationPresent(org.pf4j.Extension.class));
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
        @DisplayName("every rule names the seed article as its source")
        void everyRuleCitesTheSeed() {
            topic.rules().forEach(r ->
                    assertEquals("003_e7d96563a60eeb5c.txt", r.source().document(), r.id()));
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
            assertEquals("¿Está embarazada?", es.getProperty("q.pregnant.text"));
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
                assertTrue(es.getProperty(r.patientKey()).contains("recepción"), r.id());
            });
        }

        @Test
        @DisplayName("the icon is a plain line drawing with no scripts or outside links")
        void icon() throws IOException {
            InputStream in = getClass().getResourceAsStream("/assets/cramps.svg");
            assertNotNull(in, "assets/cramps.svg");
            String svg;
            try (in) {
                svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
            assertTrue(svg.contains("currentColor"));
            String lower = svg.toLowerCase(java.util.Locale.ROOT);
            for (String banned : Arrays.asList("<script", "href", "url(", "onload", "onclick", "<image", "<foreignobject")) {
                assertFalse(lower.contains(banned), banned);
            }
        }
    }
}
