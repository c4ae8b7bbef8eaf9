package com.physiokiosk.topic.sexualactivity;

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
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@DisplayName("Back pain and intimacy topic")
class SexualActivityTopicTest {

    private final SexualActivityTopic topic = new SexualActivityTopic();

    /** The plugin's illustration template; tests run with the module folder as working directory. */
    private static final Path TEMPLATE = Path.of("src/main/jte", SexualActivityTopic.MOVEMENT_ILLUSTRATION);

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

    /** A full, quiet visit: every always-asked question answered, no flag, to which tests add or change answers. */
    private static Answers calmVisit(String... changes) {
        Map<String, List<String>> map = new LinkedHashMap<>(answers(
                "timing=after", "duration=hours", "pain-score=3", "pattern=unsure", "movement=unsure",
                "spine-condition=none", "symptoms=none", "sensation-change=no", "pain-relief-before=no",
                "pregnancy=no", "feelings=none").asMap());
        map.putAll(answers(changes).asMap());
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

    private static String template() throws IOException {
        assertTrue(Files.isRegularFile(TEMPLATE), TEMPLATE + " exists");
        return Files.readString(TEMPLATE, StandardCharsets.UTF_8);
    }

    /** The first string argument of every {@code screen.<method>("…")} call in the template. */
    private static Set<String> templateCalls(String method) throws IOException {
        Matcher m = Pattern.compile("screen\\." + method + "\\(\"([^\"]+)\"\\)").matcher(template());
        Set<String> out = new LinkedHashSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private Set<String> keysUsed() throws IOException {
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
        keys.addAll(templateCalls("text"));
        return keys;
    }

    private String svg(String fileName) throws IOException {
        InputStream in = getClass().getResourceAsStream("/assets/" + fileName);
        assertNotNull(in, "assets/" + fileName);
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
            // genital-numbness
            fires("genital-numbness", "less feeling in the genital area during intimacy is urgent",
                    "sensation-change=yes"),
            quiet("genital-numbness", "no change of feeling is not urgent", "sensation-change=no"),

            // new-bladder-trouble
            fires("new-bladder-trouble", "new trouble passing or holding urine is urgent",
                    "symptoms=urine-control"),
            fires("new-bladder-trouble", "new bladder trouble is urgent even alongside burning",
                    "symptoms=burning-urine,urine-control"),
            quiet("new-bladder-trouble", "burning alone is not the bladder-control red flag",
                    "symptoms=burning-urine"),

            // fever-with-urinary-signs
            fires("fever-with-urinary-signs", "fever with burning urine is urgent",
                    "symptoms=burning-urine,fever"),
            fires("fever-with-urinary-signs", "fever with one-sided flank pain is urgent",
                    "symptoms=flank-pain,fever"),
            fires("fever-with-urinary-signs", "fever with pelvic pain is urgent",
                    "symptoms=pelvic-pain,fever"),
            quiet("fever-with-urinary-signs", "burning urine without fever is not urgent",
                    "symptoms=burning-urine"),
            quiet("fever-with-urinary-signs", "fever alone goes to the fever rule", "symptoms=fever"),

            // fever
            fires("fever", "fever with back pain is urgent on its own", "symptoms=fever"),
            quiet("fever", "fever with urinary signs is raised once, by the combined rule",
                    "symptoms=fever,burning-urine"),
            quiet("fever", "no symptoms, no fever flag", "symptoms=none"),

            // urinary-or-kidney-signs
            fires("urinary-or-kidney-signs", "burning urine without fever asks to see a doctor soon",
                    "symptoms=burning-urine"),
            fires("urinary-or-kidney-signs", "one-sided flank pain without fever asks to see a doctor soon",
                    "symptoms=flank-pain"),
            quiet("urinary-or-kidney-signs", "with fever the same symptoms are urgent instead",
                    "symptoms=flank-pain,fever"),
            quiet("urinary-or-kidney-signs", "pelvic pain alone goes to the pelvic rule", "symptoms=pelvic-pain"),

            // pelvic-pain
            fires("pelvic-pain", "pelvic pain without fever asks to see a doctor soon", "symptoms=pelvic-pain"),
            fires("pelvic-pain", "pelvic pain with burning is flagged for both", "symptoms=pelvic-pain,burning-urine"),
            quiet("pelvic-pain", "pelvic pain with fever is urgent instead", "symptoms=pelvic-pain,fever"),
            quiet("pelvic-pain", "no pelvic pain, no pelvic flag", "symptoms=none"),

            // severe-pain
            fires("severe-pain", "pain of 7 out of 10 is flagged as severe", "pain-score=7"),
            fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10"),
            quiet("severe-pain", "pain of 6 out of 10 is not flagged as severe", "pain-score=6"),

            // lasting-pain
            fires("lasting-pain", "pain lasting two days or more is flagged", "duration=days"),
            fires("lasting-pain", "pain that has not eased is flagged", "duration=ongoing"),
            quiet("lasting-pain", "pain lasting about a day is not flagged", "duration=day"),

            // recent-spinal-fracture
            fires("recent-spinal-fracture", "a spinal fracture in the last three months is flagged",
                    "spine-condition=fracture", "fracture-recent=yes"),
            quiet("recent-spinal-fracture", "an old spinal fracture is not flagged",
                    "spine-condition=fracture", "fracture-recent=no"),

            // new-activity
            fires("new-activity", "pain with something new is noted", "pattern=new"),
            quiet("new-activity", "a long-standing pattern is not noted as new", "pattern=long-standing"),

            // recurring-pattern
            fires("recurring-pattern", "a long-standing pattern is noted", "pattern=long-standing"),
            quiet("recurring-pattern", "something new is not noted as recurring", "pattern=new"),

            // known-spine-condition
            fires("known-spine-condition", "a known disc problem is noted", "spine-condition=disc"),
            fires("known-spine-condition", "another back condition is noted", "spine-condition=other"),
            quiet("known-spine-condition", "no known condition, no note", "spine-condition=none"),

            // pregnancy
            fires("pregnancy", "pregnancy is noted", "pregnancy=pregnant"),
            fires("pregnancy", "breastfeeding is noted", "pregnancy=breastfeeding"),
            quiet("pregnancy", "no pregnancy note when it does not apply", "pregnancy=no"),

            // low-mood
            fires("low-mood", "low mood is noted", "feelings=low-mood"),
            quiet("low-mood", "worry alone is not noted as low mood", "feelings=worry"),

            // fear-avoidance
            fires("fear-avoidance", "worry about making the back worse is noted", "feelings=worry"),
            fires("fear-avoidance", "holding back from intimacy is noted", "feelings=avoiding"),
            quiet("fear-avoidance", "low mood alone is not noted as fear-avoidance", "feelings=low-mood"),

            // advice-warmth
            fires("advice-warmth", "anyone who rates the pain is offered warmth", "pain-score=2"),
            quiet("advice-warmth", "no warmth advice when the topic was not answered"),

            // advice-massage
            fires("advice-massage", "pain soon after gets massage advice", "timing=after"),
            fires("advice-massage", "pain the next morning gets massage advice", "timing=next-morning"),
            quiet("advice-massage", "pain only during gets no massage advice", "timing=during"),

            // advice-hot-cold
            fires("advice-hot-cold", "soreness lasting about a day gets hot and cold advice", "duration=day"),
            quiet("advice-hot-cold", "pain gone within hours gets no hot and cold advice", "duration=hours"),

            // advice-pain-relief
            fires("advice-pain-relief", "someone not pregnant who does not premedicate is offered pharmacy relief",
                    "pain-score=4", "pain-relief-before=no", "pregnancy=no"),
            quiet("advice-pain-relief", "someone pregnant is not advised over-the-counter medicine",
                    "pain-score=4", "pain-relief-before=no", "pregnancy=pregnant"),
            quiet("advice-pain-relief", "someone who already takes painkillers beforehand gets the masking advice instead",
                    "pain-score=4", "pain-relief-before=yes", "pregnancy=no"),
            quiet("advice-pain-relief", "no pain, no pain relief advice",
                    "pain-score=0", "pain-relief-before=no", "pregnancy=no"),

            // advice-no-masking
            fires("advice-no-masking", "painkillers taken to carry on get the no-masking advice",
                    "pain-relief-before=yes"),
            quiet("advice-no-masking", "no painkillers beforehand, no masking advice", "pain-relief-before=no"),

            // advice-medicine-check
            fires("advice-medicine-check", "someone who might be pregnant is told to ask before medicine",
                    "pregnancy=maybe"),
            quiet("advice-medicine-check", "someone not pregnant gets no medicine check", "pregnancy=no"),

            // advice-pillows
            fires("advice-pillows", "pain during intimacy gets pillow advice", "timing=during", "movement=unsure"),
            fires("advice-pillows", "a clear movement trigger gets pillow advice", "timing=after",
                    "movement=arching-back"),
            quiet("advice-pillows", "pain afterwards with no clear movement gets no pillow advice",
                    "timing=after", "movement=unsure"),

            // advice-flexion-sensitive
            fires("advice-flexion-sensitive", "pain on bending forward gets the all-fours advice",
                    "movement=bending-forward"),
            quiet("advice-flexion-sensitive", "pain on both movements gets no one-way advice",
                    "movement=bending-forward,arching-back"),
            quiet("advice-flexion-sensitive", "pain on arching gets no bending-forward advice",
                    "movement=arching-back"),

            // advice-extension-sensitive
            fires("advice-extension-sensitive", "pain on arching gets the do-not-arch advice",
                    "movement=arching-back"),
            quiet("advice-extension-sensitive", "pain on both movements gets no one-way advice",
                    "movement=bending-forward,arching-back"),

            // advice-positions
            fires("advice-positions", "no clear movement gets the try-positions advice", "movement=unsure"),
            fires("advice-positions", "both movements get the try-positions advice",
                    "movement=bending-forward,arching-back"),
            quiet("advice-positions", "one clear movement gets specific advice instead", "movement=bending-forward"),

            // advice-talk-partner
            fires("advice-talk-partner", "pain during intimacy gets the talk-to-your-partner advice",
                    "timing=during"),
            fires("advice-talk-partner", "a long-standing pattern gets the talk-to-your-partner advice",
                    "timing=after", "pattern=long-standing"),
            fires("advice-talk-partner", "holding back gets the talk-to-your-partner advice",
                    "timing=after", "feelings=avoiding"),
            fires("advice-talk-partner", "painkillers to carry on get the talk-to-your-partner advice",
                    "timing=after", "pain-relief-before=yes"),
            quiet("advice-talk-partner", "new, short pain afterwards with no worries gets no partner advice",
                    "timing=after", "pattern=new", "feelings=none", "pain-relief-before=no"),

            // advice-talk-openly
            fires("advice-talk-openly", "recurring pain gets the talk-openly advice", "pattern=long-standing"),
            quiet("advice-talk-openly", "new pain gets no talk-openly advice", "pattern=new"),

            // advice-slow-down
            fires("advice-slow-down", "a disc problem gets the slow-down advice", "spine-condition=disc"),
            fires("advice-slow-down", "a spinal fracture gets the slow-down advice",
                    "spine-condition=fracture", "fracture-recent=no"),
            quiet("advice-slow-down", "wear and tear gets the avoid-triggers advice instead",
                    "spine-condition=degeneration"),

            // advice-avoid-triggers
            fires("advice-avoid-triggers", "wear and tear gets the avoid-triggers advice",
                    "spine-condition=degeneration"),
            quiet("advice-avoid-triggers", "a disc problem alone gets no avoid-triggers advice",
                    "spine-condition=disc"),

            // advice-mattress
            fires("advice-mattress", "next-morning pain on a sagging mattress gets mattress advice",
                    "timing=next-morning", "mattress=sagging"),
            fires("advice-mattress", "next-morning pain on a soft mattress gets mattress advice",
                    "timing=next-morning", "mattress=soft"),
            quiet("advice-mattress", "a medium-firm mattress already gets no mattress advice",
                    "timing=next-morning", "mattress=medium-firm"),

            // advice-mood
            fires("advice-mood", "low mood gets the mood advice", "feelings=low-mood,avoiding"),
            quiet("advice-mood", "no low mood, no mood advice", "feelings=none"),

            // advice-usually-settles
            fires("advice-usually-settles", "short, moderate soreness after something new is reassured",
                    "pattern=new", "duration=hours", "pain-score=5"),
            quiet("advice-usually-settles", "severe pain after something new is not reassured",
                    "pattern=new", "duration=hours", "pain-score=7"),
            quiet("advice-usually-settles", "pain lasting days after something new is not reassured",
                    "pattern=new", "duration=days", "pain-score=3"),
            quiet("advice-usually-settles", "a long-standing pattern is not reassured",
                    "pattern=long-standing", "duration=hours", "pain-score=3"));

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
        @DisplayName("a calm visit with short soreness afterwards gets self-care advice and no flags")
        void calmVisitGetsAdviceOnly() {
            Set<String> fired = fired(calmVisit());
            assertEquals(Set.of("advice-warmth", "advice-massage", "advice-pain-relief", "advice-positions"), fired);
        }

        @Test
        @DisplayName("new soreness after a new partner is reassured and gets no flag")
        void newActivityIsReassured() {
            Set<String> fired = fired(calmVisit("pattern=new", "movement=bending-forward"));
            assertTrue(fired.containsAll(List.of("advice-usually-settles", "advice-flexion-sensitive",
                    "advice-pillows", "new-activity")), fired.toString());
            assertTrue(severities(fired).stream().noneMatch(s -> s == Severity.URGENT || s == Severity.CONSULT),
                    fired.toString());
        }

        @Test
        @DisplayName("a change of feeling is urgent whatever else was answered")
        void numbnessIsUrgentWhateverElse() {
            Set<String> fired = fired(calmVisit("sensation-change=yes", "pain-score=1", "pattern=new"));
            assertTrue(fired.contains("genital-numbness"));
            assertEquals(Severity.URGENT, rule("genital-numbness").severity());
        }

        @Test
        @DisplayName("kidney-type pain with fever after intimacy is urgent once, and the consult note is not repeated")
        void kidneyPainWithFeverIsUrgentOnce() {
            Set<String> fired = fired(calmVisit("symptoms=flank-pain,burning-urine,fever"));
            assertTrue(fired.contains("fever-with-urinary-signs"));
            assertFalse(fired.contains("fever"));
            assertFalse(fired.contains("urinary-or-kidney-signs"));
        }

        @Test
        @DisplayName("a recurring pattern with a disc problem and premedication gets the masking and slow-down advice")
        void recurringDiscPatient() {
            Set<String> fired = fired(calmVisit("pattern=long-standing", "spine-condition=disc",
                    "pain-relief-before=yes", "duration=days", "pain-score=8"));
            assertTrue(fired.containsAll(List.of("recurring-pattern", "known-spine-condition", "advice-slow-down",
                    "advice-no-masking", "advice-talk-partner", "advice-talk-openly", "lasting-pain",
                    "severe-pain")), fired.toString());
            assertFalse(fired.contains("advice-pain-relief"), "no extra pill advice for someone who premedicates");
        }

        @Test
        @DisplayName("a pregnant patient gets the medicine check, never pharmacy pain relief advice")
        void pregnantPatientGetsMedicineCheck() {
            Set<String> fired = fired(calmVisit("pregnancy=pregnant"));
            assertTrue(fired.contains("advice-medicine-check"));
            assertTrue(fired.contains("pregnancy"));
            assertFalse(fired.contains("advice-pain-relief"));
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
        @DisplayName("the mattress is asked about only when the pain comes the next morning")
        void mattressOnlyForNextMorning() {
            assertFalse(screensShown(answers("timing=during,after")).contains("mattress"));
            assertFalse(screensShown(answers("timing=unsure")).contains("mattress"));
            assertTrue(screensShown(answers("timing=after,next-morning")).contains("mattress"));
        }

        @Test
        @DisplayName("when a spinal fracture happened is asked only of those who had one")
        void fractureDateOnlyAfterFracture() {
            assertFalse(screensShown(answers("spine-condition=disc,degeneration")).contains("fracture-recent"));
            assertFalse(screensShown(answers("spine-condition=none")).contains("fracture-recent"));
            assertTrue(screensShown(answers("spine-condition=disc,fracture")).contains("fracture-recent"));
        }

        @Test
        @DisplayName("every safety question is asked of everyone")
        void safetyQuestionsAlwaysAsked() {
            for (String linkId : List.of("symptoms", "sensation-change", "pain-score", "duration")) {
                assertEquals(Condition.always(), question(linkId).enableWhen(), linkId);
            }
        }

        @Test
        @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
        void painScoreIsAScale() {
            assertEquals(QuestionType.SCALE_0_10, question("pain-score").type());
        }

        @Test
        @DisplayName("a patient sees between 8 and 14 screens")
        void screenCount() {
            List<Answers> journeys = List.of(
                    answers("timing=during", "spine-condition=none"),
                    answers("timing=next-morning", "spine-condition=none"),
                    answers("timing=during", "spine-condition=fracture"),
                    answers("timing=next-morning", "spine-condition=fracture"));
            for (Answers a : journeys) {
                int n = screensShown(a).size();
                assertTrue(n >= 8 && n <= 14, n + " screens for " + a);
            }
            assertEquals(12, screensShown(journeys.get(0)).size(), "the shortest journey");
            assertEquals(14, screensShown(journeys.get(3)).size(), "the longest journey");
        }

        @Test
        @DisplayName("questions where a patient picks symptoms or feelings have exactly one exclusive 'none' option")
        void multiChoicesHaveExclusiveNone() {
            for (Question q : topic.questions()) {
                if (q.type() == QuestionType.MULTI_CHOICE) {
                    assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), q.linkId());
                    assertTrue(q.options().get(q.options().size() - 1).exclusive(), q.linkId() + ": last is exclusive");
                }
            }
            for (String linkId : List.of("symptoms", "spine-condition", "feelings")) {
                assertTrue(question(linkId).option("none").orElseThrow().exclusive(), linkId);
            }
        }

        @Test
        @DisplayName("the movement question shows the movement illustration")
        void movementIllustration() {
            assertEquals("movement.jte", question("movement").illustration());
            assertEquals(1, topic.questions().stream().filter(q -> q.illustration() != null).count());
        }
    }

    // ---- structure ---------------------------------------------------------------------------

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        @DisplayName("topic info is sexual-activity, order 10, with its icon")
        void topicInfo() {
            TopicInfo info = topic.info();
            assertEquals("sexual-activity", info.id());
            assertEquals(10, info.order());
            assertEquals("sexual-activity.svg", info.icon());
            assertTrue(SexualActivityTopic.class.isAnnotationPresent(org.pf4j.Extension.class));
        }

        @Test
        @DisplayName("linkIds are unique and stable lower-case")
        void linkIdsUnique() {
            List<String> ids = topic.questions().stream().map(Question::linkId).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
            ids.forEach(id -> assertTrue(id.matches("[a-z][a-z-]*"), id));
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
        @DisplayName("every rule names one of the two seed articles, with a citation or section")
        void everyRuleCitesASeed() {
            Set<String> seeds = Set.of("000_c78e4aa8519698dc.txt", "001_f0239f123ba0a3af.txt");
            topic.rules().forEach(r -> {
                assertTrue(seeds.contains(r.source().document()), r.id() + " cites " + r.source().document());
                assertNotNull(r.source().citation(), r.id() + " names a study or section");
            });
        }

        @Test
        @DisplayName("every flag of CONTENT.md is there with its severity")
        void contentFlags() {
            assertEquals(Severity.URGENT, rule("genital-numbness").severity());
            assertEquals(Severity.URGENT, rule("fever-with-urinary-signs").severity());
            assertEquals(Severity.CONSULT, rule("urinary-or-kidney-signs").severity());
            assertEquals(Severity.CONSULT, rule("severe-pain").severity());
            assertEquals(Severity.CONSULT, rule("lasting-pain").severity());
        }

        @Test
        @DisplayName("patients are shown a text for every flag and every advice line; notes are for staff only")
        void patientTexts() {
            topic.rules().forEach(r -> {
                if (r.severity() == Severity.INFO) {
                    assertEquals(null, r.patientKey(), r.id() + " is a clinician note only");
                } else {
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
        @DisplayName("every key the topic and its template use exists, not blank, in English and Spanish")
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
        void keyFormat() throws IOException {
            for (String k : keysUsed()) {
                assertTrue(k.matches("[a-z0-9]+(\\.[a-z0-9]+)+"), k);
            }
        }

        @Test
        @DisplayName("the title on screen is neutral")
        void neutralTitle() throws IOException {
            assertEquals("Back pain and intimacy", bundle("en").getProperty("topic.title"));
            assertEquals("Dolor de espalda e intimidad", bundle("es").getProperty("topic.title"));
        }

        @Test
        @DisplayName("Spanish is read as UTF-8 with its accents intact")
        void spanishAccents() throws IOException {
            Properties es = bundle("es");
            assertEquals("¿Cómo es su colchón?", es.getProperty("q.mattress.text"));
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
        @DisplayName("patient texts use discreet words that are fine to read over a shoulder")
        void discreetPatientTexts() throws IOException {
            Properties en = bundle("en");
            List<String> banned = List.of("sex", "coit", "intercourse", "erection", "penetrat", "orgasm",
                    "genital", "vagin", "penis", "diagnos", "infection", "cauda", "herniat", "fracture");
            for (Rule r : topic.rules()) {
                if (r.patientKey() == null) {
                    continue;
                }
                String text = en.getProperty(r.patientKey()).toLowerCase(Locale.ROOT);
                for (String word : banned) {
                    assertFalse(text.contains(word), r.patientKey() + " says '" + word + "'");
                }
            }
            String summary = (en.getProperty("topic.title") + " " + en.getProperty("topic.summary"))
                    .toLowerCase(Locale.ROOT);
            assertFalse(summary.contains("sex"), summary);
        }

        @Test
        @DisplayName("urgent patient texts tell the patient to speak to reception now")
        void urgentTextsSendToReception() throws IOException {
            Properties en = bundle("en");
            Properties es = bundle("es");
            topic.rules().stream().filter(r -> r.severity() == Severity.URGENT).forEach(r -> {
                assertTrue(en.getProperty(r.patientKey()).startsWith("Please speak to reception now."), r.id());
                assertTrue(es.getProperty(r.patientKey()).startsWith("Por favor, hable ahora mismo con recepción."),
                        r.id());
            });
        }

        @Test
        @DisplayName("see-a-doctor-soon texts ask the patient to mention it at reception today")
        void soonTextsMentionReceptionToday() throws IOException {
            Properties en = bundle("en");
            Properties es = bundle("es");
            for (String id : List.of("urinary-or-kidney-signs", "pelvic-pain")) {
                assertTrue(en.getProperty(rule(id).patientKey()).contains("mention this at reception today"), id);
                assertTrue(es.getProperty(rule(id).patientKey()).contains("hoy en recepción"), id);
            }
        }
    }

    // ---- assets and template -----------------------------------------------------------------

    @Nested
    @DisplayName("assets")
    class Assets {

        @Test
        @DisplayName("the icon and illustrations are plain line drawings with no scripts, styles or outside links")
        void svgs() throws IOException {
            Set<String> files = new LinkedHashSet<>(List.of(topic.info().icon()));
            files.addAll(templateCalls("asset"));
            assertEquals(3, files.size(), files.toString());
            for (String file : files) {
                String svg = svg(file);
                assertTrue(svg.contains("viewBox=\"0 0 64 64\""), file);
                assertTrue(svg.contains("stroke=\"currentColor\""), file);
                String lower = svg.toLowerCase(Locale.ROOT);
                for (String banned : Arrays.asList("<script", "href", "url(", "onload", "onclick", "<image",
                        "<foreignobject", "style", "<!doctype", "<!entity")) {
                    assertFalse(lower.contains(banned), file + " contains " + banned);
                }
            }
        }

        @Test
        @DisplayName("the template takes the screen context and never writes unescaped output")
        void templateIsSafe() throws IOException {
            String t = template();
            assertTrue(t.startsWith("@param com.physiokiosk.api.ScreenContext screen"));
            assertFalse(t.contains("$unsafe"));
            assertFalse(t.contains("<script"));
            assertFalse(t.contains("style="));
        }
    }
}
