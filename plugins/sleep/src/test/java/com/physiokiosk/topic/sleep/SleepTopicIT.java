package com.physiokiosk.topic.sleep;

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
import com.physiokiosk.api.ScreenContext;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.TopicInfo;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
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

@DisplayName("Sleep, mattress and back pain topic")
class SleepTopicTest {

    private final SleepTopic topic = new SleepTopic();

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
        keys.addAll(SleepTopic.TEMPLATE_KEYS);
        return keys;
    }

    private static String resource(String path) throws IOException {
        InputStream in = SleepTopicTest.class.getResourceAsStream(path);
        assertNotNull(in, path + " is on the classpath");
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String templateSource() throws IOException {
        return Files.readString(Path.of("src/main/jte", SleepTopic.POSITIONS_TEMPLATE), StandardCharsets.UTF_8);
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
            // night-pain-unrelieved
            fires("night-pain-unrelieved", "night pain that no position eases is urgent",
                    "pain-timing=night", "position-eases=no"),
            fires("night-pain-unrelieved", "unsure when it is worst, but no position eases it in bed, is urgent",
                    "pain-timing=none", "position-eases=no"),
            fires("night-pain-unrelieved", "night pain that no position eases is urgent also when the day is worse",
                    "pain-timing=activity,night", "position-eases=no"),
            quiet("night-pain-unrelieved", "night pain that eases on turning over is not urgent",
                    "pain-timing=night", "position-eases=yes"),
            quiet("night-pain-unrelieved", "night pain that eases a little is not urgent",
                    "pain-timing=night", "position-eases=partly"),
            quiet("night-pain-unrelieved", "no pain in bed is not urgent",
                    "pain-timing=none", "position-eases=no-pain-in-bed"),

            // leg-symptoms
            fires("leg-symptoms", "tingling in a leg is urgent", "warning-signs=leg-numb"),
            fires("leg-symptoms", "weakness in a leg is urgent", "warning-signs=leg-weak"),
            fires("leg-symptoms", "leg numbness with other warning signs is urgent",
                    "warning-signs=leg-numb,height-loss"),
            quiet("leg-symptoms", "no warning signs is not urgent", "warning-signs=none"),
            quiet("leg-symptoms", "getting shorter is not a leg symptom", "warning-signs=height-loss"),

            // possible-fracture
            fires("possible-fracture", "sudden severe back pain is urgent", "warning-signs=sudden-severe"),
            fires("possible-fracture", "getting shorter is urgent", "warning-signs=height-loss"),
            fires("possible-fracture", "sudden severe pain with loss of height is urgent",
                    "warning-signs=sudden-severe,height-loss"),
            quiet("possible-fracture", "no warning signs raises no fracture flag", "warning-signs=none"),
            quiet("possible-fracture", "leg weakness alone raises no fracture flag", "warning-signs=leg-weak"),

            // night-pain-partly-relieved
            fires("night-pain-partly-relieved", "night pain that a new position eases only a little is flagged",
                    "pain-timing=night", "position-eases=partly"),
            quiet("night-pain-partly-relieved", "night pain that eases on turning over is not flagged",
                    "pain-timing=night", "position-eases=yes"),
            quiet("night-pain-partly-relieved", "night pain that never eases is urgent instead",
                    "pain-timing=night", "position-eases=no"),

            // pain-persists-when-up
            fires("pain-persists-when-up", "morning pain that does not ease once up is flagged",
                    "pain-timing=waking", "eases-on-rising=no"),
            quiet("pain-persists-when-up", "morning pain that eases within half an hour is not flagged",
                    "pain-timing=waking", "eases-on-rising=quickly"),
            quiet("pain-persists-when-up", "morning pain that eases slowly is not flagged",
                    "pain-timing=waking", "eases-on-rising=slowly"),

            // postpartum-pain-persisting
            fires("postpartum-pain-persisting", "back pain six weeks after a birth is flagged",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=6"),
            fires("postpartum-pain-persisting", "back pain worse with activity two weeks after a birth is flagged",
                    "pain-timing=activity", "pregnancy-or-birth=recent-birth", "weeks-since-birth=2"),
            quiet("postpartum-pain-persisting", "night pain five weeks after a birth is not yet flagged",
                    "pain-timing=night", "pregnancy-or-birth=recent-birth", "weeks-since-birth=5"),
            quiet("postpartum-pain-persisting", "pain worse with activity without a recent birth is not this flag",
                    "pain-timing=activity", "pregnancy-or-birth=neither"),
            quiet("postpartum-pain-persisting", "pregnancy is not the months after a birth",
                    "pain-timing=activity", "pregnancy-or-birth=pregnant"),

            // severe-pain
            fires("severe-pain", "pain of 8 out of 10 is flagged as severe", "pain-score=8"),
            fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10"),
            quiet("severe-pain", "pain of 7 out of 10 is not flagged as severe", "pain-score=7"),

            // night-pain-eased-by-position
            fires("night-pain-eased-by-position", "night pain that eases on turning over is noted",
                    "pain-timing=night", "position-eases=yes"),
            quiet("night-pain-eased-by-position", "night pain that eases a little is not noted as mechanical",
                    "pain-timing=night", "position-eases=partly"),

            // slow-to-settle-on-rising
            fires("slow-to-settle-on-rising", "morning pain that takes over half an hour to settle is noted",
                    "pain-timing=waking", "eases-on-rising=slowly"),
            quiet("slow-to-settle-on-rising", "morning pain that settles quickly is not noted",
                    "pain-timing=waking", "eases-on-rising=quickly"),

            // pregnancy
            fires("pregnancy", "pregnancy is noted for the physiotherapist", "pregnancy-or-birth=pregnant"),
            quiet("pregnancy", "no pregnancy note for someone to whom it does not apply",
                    "pregnancy-or-birth=neither"),
            quiet("pregnancy", "no pregnancy note after a birth",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=3"),

            // old-mattress
            fires("old-mattress", "a mattress over ten years old is noted", "mattress-age=gt10"),
            quiet("old-mattress", "a mattress of five to ten years is not noted", "mattress-age=5to10"),
            quiet("old-mattress", "an unknown mattress age is not noted", "mattress-age=unsure"),

            // postpartum-night-pattern
            fires("postpartum-night-pattern", "night pain after a birth that settles on rising is noted",
                    "pain-timing=night", "eases-on-rising=quickly",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=4"),
            fires("postpartum-night-pattern", "waking pain after a birth that settles slowly is noted",
                    "pain-timing=waking", "eases-on-rising=slowly",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=20"),
            quiet("postpartum-night-pattern", "the same night pain without a recent birth is not this note",
                    "pain-timing=night", "eases-on-rising=quickly", "pregnancy-or-birth=neither"),
            quiet("postpartum-night-pattern", "night pain after a birth that does not settle on rising is flagged instead",
                    "pain-timing=night", "eases-on-rising=no",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=4"),

            // lactation-bone-loss
            fires("lactation-bone-loss", "breastfeeding after a birth is noted for bone loss",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=10", "breastfeeding=yes"),
            quiet("lactation-bone-loss", "not breastfeeding after a birth is not noted",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=10", "breastfeeding=no"),

            // advice-medium-firm-not-soft
            fires("advice-medium-firm-not-soft", "a soft mattress gets medium-firm advice", "mattress-firmness=soft"),
            fires("advice-medium-firm-not-soft", "an unknown mattress gets medium-firm advice",
                    "mattress-firmness=unsure"),
            quiet("advice-medium-firm-not-soft", "a medium-firm mattress needs no change", "mattress-firmness=medium"),
            quiet("advice-medium-firm-not-soft", "a hard mattress gets the other mattress tip",
                    "mattress-firmness=firm"),

            // advice-medium-firm-not-hard
            fires("advice-medium-firm-not-hard", "a hard mattress gets medium-firm advice", "mattress-firmness=firm"),
            fires("advice-medium-firm-not-hard", "an unknown mattress gets the hard-mattress tip too",
                    "mattress-firmness=unsure"),
            quiet("advice-medium-firm-not-hard", "a medium-firm mattress needs no change", "mattress-firmness=medium"),
            quiet("advice-medium-firm-not-hard", "a soft mattress gets the other mattress tip",
                    "mattress-firmness=soft"),

            // advice-pelvis-level
            fires("advice-pelvis-level", "a side sleeper whose hip sinks in gets support advice",
                    "position=side", "pelvis-sag=yes"),
            fires("advice-pelvis-level", "a mixed sleeper unsure about the hip gets support advice",
                    "position=mixed", "pelvis-sag=unsure"),
            quiet("advice-pelvis-level", "a side sleeper whose back stays straight needs no support advice",
                    "position=side", "pelvis-sag=no"),

            // advice-knee-pillow
            fires("advice-knee-pillow", "a side sleeper with only a head pillow is advised a knee pillow",
                    "position=side", "pillows=head"),
            fires("advice-knee-pillow", "a mixed sleeper with no pillows is advised a knee pillow",
                    "position=mixed", "pillows=none"),
            quiet("advice-knee-pillow", "a side sleeper who already uses a knee pillow is not told again",
                    "position=side", "pillows=head,between-knees"),
            quiet("advice-knee-pillow", "a side sleeper with a body pillow is not told again",
                    "position=side", "pillows=body"),
            quiet("advice-knee-pillow", "a back sleeper gets no knee-pillow advice",
                    "position=back", "pillows=head"),

            // advice-side-lying
            fires("advice-side-lying", "a back sleeper with night pain is advised to try side-lying",
                    "pain-timing=night", "position=back"),
            fires("advice-side-lying", "a front sleeper with morning pain is advised to try side-lying",
                    "pain-timing=waking", "position=front"),
            quiet("advice-side-lying", "a side sleeper is not told to lie on the side",
                    "pain-timing=night", "position=side"),
            quiet("advice-side-lying", "a back sleeper whose pain is worst in the day gets no position advice",
                    "pain-timing=activity", "position=back"),

            // advice-replace-mattress
            fires("advice-replace-mattress", "a sagging old mattress gets replacement advice",
                    "mattress-age=gt10", "mattress-sag=yes"),
            quiet("advice-replace-mattress", "an old mattress that does not sag gets no replacement advice",
                    "mattress-age=gt10", "mattress-sag=no"),
            quiet("advice-replace-mattress", "unsure whether it sags gets no replacement advice",
                    "mattress-age=5to10", "mattress-sag=unsure"),

            // advice-warmth
            fires("advice-warmth", "night pain gets warmth advice", "pain-timing=night"),
            fires("advice-warmth", "morning pain gets warmth advice", "pain-timing=waking"),
            quiet("advice-warmth", "pain worst in the day gets no warmth advice", "pain-timing=activity"),
            quiet("advice-warmth", "no particular time gets no warmth advice", "pain-timing=none"),

            // advice-calcium-vitamin-d
            fires("advice-calcium-vitamin-d", "breastfeeding after a birth gets calcium and vitamin D advice",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=8", "breastfeeding=yes"),
            quiet("advice-calcium-vitamin-d", "not breastfeeding gets no calcium advice",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=8", "breastfeeding=no"),

            // advice-feeding-support
            fires("advice-feeding-support", "after a birth, feeding and lifting advice is given",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=1", "breastfeeding=no"),
            quiet("advice-feeding-support", "pregnancy gets no feeding advice", "pregnancy-or-birth=pregnant"),

            // advice-core-rehab
            fires("advice-core-rehab", "after a birth, core and pelvic floor work is suggested",
                    "pregnancy-or-birth=recent-birth", "weeks-since-birth=12", "breastfeeding=yes"),
            quiet("advice-core-rehab", "no recent birth, no postpartum exercise advice",
                    "pregnancy-or-birth=neither"));

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
        @DisplayName("a side sleeper on a soft, old, sagging mattress gets bed and pillow advice and no flags")
        void softSaggingMattress() {
            Set<String> fired = fired(answers("pain-score=4", "pain-timing=waking", "position-eases=yes",
                    "eases-on-rising=quickly", "position=side", "pelvis-sag=yes", "pillows=head",
                    "mattress-firmness=soft", "mattress-age=gt10", "mattress-sag=yes", "warning-signs=none",
                    "pregnancy-or-birth=neither"));
            assertEquals(Set.of("night-pain-eased-by-position", "old-mattress", "advice-medium-firm-not-soft",
                    "advice-pelvis-level", "advice-knee-pillow", "advice-replace-mattress", "advice-warmth"), fired);
        }

        @Test
        @DisplayName("a comfortable side sleeper on a good bed hears nothing")
        void goodBedNoFindings() {
            Set<String> fired = fired(answers("pain-score=2", "pain-timing=activity", "position=side",
                    "pelvis-sag=no", "pillows=head,between-knees", "mattress-firmness=medium", "mattress-age=lt5",
                    "warning-signs=none", "pregnancy-or-birth=neither"));
            assertEquals(Set.of(), fired);
        }

        @Test
        @DisplayName("night pain that no position eases is urgent whatever else was answered")
        void nightPainUrgentWhateverElse() {
            Set<String> fired = fired(answers("pain-score=1", "pain-timing=night", "position-eases=no",
                    "eases-on-rising=quickly", "position=side", "pelvis-sag=no", "pillows=between-knees",
                    "mattress-firmness=medium", "mattress-age=lt5", "warning-signs=none",
                    "pregnancy-or-birth=neither"));
            assertTrue(fired.contains("night-pain-unrelieved"), fired.toString());
            assertFalse(fired.contains("night-pain-partly-relieved"));
        }

        @Test
        @DisplayName("every warning sign at once raises both urgent flags")
        void everyWarningSign() {
            Set<String> fired = fired(answers("warning-signs=leg-numb,leg-weak,sudden-severe,height-loss"));
            assertEquals(Set.of("leg-symptoms", "possible-fracture"), fired);
        }

        @Test
        @DisplayName("a nursing mother with night pain that settles on rising gets the postpartum notes and advice")
        void nursingMother() {
            Set<String> fired = fired(answers("pain-score=5", "pain-timing=night", "position-eases=yes",
                    "eases-on-rising=quickly", "position=back", "pillows=head", "mattress-firmness=medium",
                    "mattress-age=lt5", "warning-signs=none", "pregnancy-or-birth=recent-birth",
                    "weeks-since-birth=3", "breastfeeding=yes"));
            assertTrue(fired.containsAll(List.of("postpartum-night-pattern", "lactation-bone-loss",
                    "advice-calcium-vitamin-d", "advice-feeding-support", "advice-core-rehab",
                    "advice-side-lying", "advice-warmth")), fired.toString());
            assertFalse(fired.contains("postpartum-pain-persisting"), "three weeks, not worse with activity");
            assertTrue(fired.stream().map(id -> rule(id).severity())
                    .noneMatch(s -> s == Severity.URGENT || s == Severity.CONSULT), fired.toString());
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

        @Test
        @DisplayName("pain worst only in the day skips the night-time questions")
        void dayPainSkipsNightQuestions() {
            List<String> shown = screensShown(answers("pain-timing=activity"));
            assertFalse(shown.contains("position-eases"));
            assertFalse(shown.contains("eases-on-rising"));
        }

        @Test
        @DisplayName("night or morning pain is asked whether a position eases it and what happens on rising")
        void nightPainAsksBoth() {
            for (String timing : List.of("night", "waking", "activity,night")) {
                List<String> shown = screensShown(answers("pain-timing=" + timing));
                assertTrue(shown.contains("position-eases"), timing);
                assertTrue(shown.contains("eases-on-rising"), timing);
            }
        }

        @Test
        @DisplayName("a patient unsure when the pain is worst is still asked about pain in bed, to err on the side of flagging")
        void unsureStillAskedAboutNightPain() {
            List<String> shown = screensShown(answers("pain-timing=none"));
            assertTrue(shown.contains("position-eases"));
            assertFalse(shown.contains("eases-on-rising"));
        }

        @Test
        @DisplayName("only side or mixed sleepers are asked whether the hip sinks in")
        void pelvisOnlyForSideSleepers() {
            assertTrue(screensShown(answers("position=side")).contains("pelvis-sag"));
            assertTrue(screensShown(answers("position=mixed")).contains("pelvis-sag"));
            assertFalse(screensShown(answers("position=back")).contains("pelvis-sag"));
            assertFalse(screensShown(answers("position=front")).contains("pelvis-sag"));
        }

        @Test
        @DisplayName("a mattress under five years old is not asked about sagging")
        void newMattressSkipsSag() {
            assertFalse(screensShown(answers("mattress-age=lt5")).contains("mattress-sag"));
            for (String age : List.of("5to10", "gt10", "unsure")) {
                assertTrue(screensShown(answers("mattress-age=" + age)).contains("mattress-sag"), age);
            }
        }

        @Test
        @DisplayName("only after a birth are weeks since the birth and breastfeeding asked")
        void postpartumQuestionsOnlyAfterBirth() {
            for (String stage : List.of("pregnant", "neither")) {
                List<String> shown = screensShown(answers("pregnancy-or-birth=" + stage));
                assertFalse(shown.contains("weeks-since-birth"), stage);
                assertFalse(shown.contains("breastfeeding"), stage);
            }
            List<String> shown = screensShown(answers("pregnancy-or-birth=recent-birth"));
            assertTrue(shown.contains("weeks-since-birth"));
            assertTrue(shown.contains("breastfeeding"));
        }

        @Test
        @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
        void painScoreIsAScale() {
            assertEquals(QuestionType.SCALE_0_10, question("pain-score").type());
        }

        @Test
        @DisplayName("weeks since the birth is a number from 0 to 52")
        void weeksRange() {
            Question q = question("weeks-since-birth");
            assertEquals(QuestionType.NUMBER, q.type());
            assertEquals(0, q.min());
            assertEquals(52, q.max());
        }

        @Test
        @DisplayName("a patient sees between 8 and 14 screens")
        void screenCount() {
            List<Answers> journeys = List.of(
                    answers("pain-timing=activity", "position=back", "mattress-age=lt5",
                            "pregnancy-or-birth=neither"),
                    answers("pain-timing=night", "position=side", "mattress-age=gt10",
                            "pregnancy-or-birth=recent-birth"),
                    answers("pain-timing=none", "position=mixed", "mattress-age=unsure",
                            "pregnancy-or-birth=pregnant"));
            List<Integer> counts = new ArrayList<>();
            for (Answers a : journeys) {
                int n = screensShown(a).size();
                counts.add(n);
                assertTrue(n >= 8 && n <= 14, n + " screens for " + a);
            }
            assertEquals(8, counts.get(0), "the shortest visit");
            assertEquals(14, counts.get(1), "the longest visit");
        }

        @Test
        @DisplayName("symptom and pillow questions have one exclusive 'none' option")
        void multiChoiceHaveExclusiveNone() {
            for (String linkId : List.of("pain-timing", "pillows", "warning-signs")) {
                Question q = question(linkId);
                assertEquals(QuestionType.MULTI_CHOICE, q.type(), linkId);
                assertTrue(q.option("none").orElseThrow().exclusive(), linkId);
                assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), linkId);
            }
        }

        @Test
        @DisplayName("the sleep-position question carries the plugin's own picture")
        void positionHasIllustration() {
            Question q = question("position");
            assertEquals("sleep-positions.jte", q.illustration());
            assertEquals(List.of("back", "side", "front", "mixed"),
                    q.options().stream().map(o -> o.code()).toList());
            assertEquals(1, topic.questions().stream().filter(x -> x.illustration() != null).count());
        }
    }

    // ---- structure ---------------------------------------------------------------------------

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        @DisplayName("topic info is sleep, order 50, with its icon")
        void topicInfo() {
            TopicInfo info = topic.info();
            assertEquals("sleep", info.id());
            assertEquals(50, info.order());
            assertEquals("sleep.svg", info.icon());
            assertTrue(SleepTopic.class.isAnnotationPresent(org.pf4j.Extension.class));
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
        @DisplayName("no urgent rule is held back by any other answer")
        void urgentRulesHaveNoExceptions() {
            topic.rules().stream().filter(r -> r.severity() == Severity.URGENT).forEach(r ->
                    walk(r.when(), c -> assertFalse(c instanceof Condition.Not || c instanceof Condition.AllOf,
                            r.id() + " must fire on its answer alone")));
        }

        @Test
        @DisplayName("every CONTENT.md red flag this topic can see is an urgent rule")
        void redFlagsAreUrgent() {
            assertEquals(Severity.URGENT, rule("night-pain-unrelieved").severity());
            assertEquals(Severity.URGENT, rule("leg-symptoms").severity());
            assertEquals(Severity.URGENT, rule("possible-fracture").severity());
            assertEquals(Severity.CONSULT, rule("postpartum-pain-persisting").severity());
        }

        @Test
        @DisplayName("every rule names one of the two seed articles as its source, with a section or study")
        void everyRuleCitesASeed() {
            topic.rules().forEach(r -> {
                assertTrue(Set.of("001_f0239f123ba0a3af.txt", "004_a5cbf8c0782e5487.txt")
                        .contains(r.source().document()), r.id());
                assertNotNull(r.source().citation(), r.id());
            });
        }

        @Test
        @DisplayName("the mattress advice cites the systematic review and the randomised trial")
        void mattressAdviceCitesStudies() {
            assertTrue(rule("advice-medium-firm-not-soft").source().citation().contains("Radwan et al. 2015"));
            assertTrue(rule("advice-medium-firm-not-hard").source().citation().contains("Kovacs et al., Lancet 2003"));
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
        void keyFormat() {
            keysUsed().forEach(k -> assertTrue(k.matches("[a-z0-9]+(\\.[a-z0-9]+)+"), k));
        }

        @Test
        @DisplayName("Spanish is read as UTF-8 with its accents intact")
        void spanishAccents() throws IOException {
            Properties es = bundle("es");
            assertEquals("¿Qué antigüedad tiene su colchón, más o menos?", es.getProperty("q.age.text"));
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
                assertTrue(es.getProperty(r.patientKey()).startsWith("Por favor, hable ahora mismo con recepción."),
                        r.id());
            });
        }

        @Test
        @DisplayName("consult patient texts ask the patient to mention it or tell the physiotherapist")
        void consultTextsPointToStaff() throws IOException {
            Properties en = bundle("en");
            topic.rules().stream().filter(r -> r.severity() == Severity.CONSULT).forEach(r -> {
                String text = en.getProperty(r.patientKey());
                assertTrue(text.contains("reception") && text.contains("physiotherapist"), r.id());
            });
        }

        @Test
        @DisplayName("patient texts echo nothing private and never diagnose")
        void patientTextsAreDiscreet() throws IOException {
            Properties en = bundle("en");
            List<String> banned = List.of("pregnan", "breast", "birth", "sex", "intima", "bladder", "bowel",
                    "urin", "genital", "fracture", "osteopor", "cancer", "tumour", "infection", "you have");
            topic.rules().stream().filter(r -> r.patientKey() != null).forEach(r -> {
                String text = en.getProperty(r.patientKey()).toLowerCase(Locale.ROOT);
                banned.forEach(word -> assertFalse(Pattern.compile("\\b" + word).matcher(text).find(),
                        r.id() + " says '" + word + "'"));
            });
        }

        @Test
        @DisplayName("the topic icon is a plain line drawing with no scripts, styles or outside links")
        void icon() throws IOException {
            String svg = resource("/assets/sleep.svg");
            assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
            assertTrue(svg.contains("currentColor"));
            assertSafeSvg("sleep.svg", svg);
        }

        @Test
        @DisplayName("the position pictures are plain line drawings with no scripts, styles or outside links")
        void positionPictures() throws IOException {
            for (String name : SleepTopic.TEMPLATE_ASSETS) {
                String svg = resource("/assets/" + name);
                assertTrue(svg.contains("viewBox=\"0 0 120 72\""), name);
                assertTrue(svg.contains("stroke=\""), name);
                assertSafeSvg(name, svg);
            }
        }

        private void assertSafeSvg(String name, String svg) {
            String lower = svg.toLowerCase(Locale.ROOT);
            for (String banned : Arrays.asList("<script", "href", "url(", "onload", "onclick", "<image",
                    "<foreignobject", "style", "<!doctype", "<!entity")) {
                assertFalse(lower.contains(banned), name + " contains " + banned);
            }
        }
    }

    // ---- the sleep-position template ---------------------------------------------------------

    @Nested
    @DisplayName("sleep-position picture")
    class Template {

        private static final Pattern TEXT_CALL = Pattern.compile("screen\\.text\\(\"([^\"]+)\"\\)");
        private static final Pattern ASSET_CALL = Pattern.compile("screen\\.asset\\(\"([^\"]+)\"\\)");

        private Set<String> calls(Pattern pattern, String source) {
            Set<String> found = new LinkedHashSet<>();
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        /** A stand-in for the host: texts from the bundle, assets under a fixed URL. */
        private ScreenContext screen(String language, List<String> answer) throws IOException {
            Properties texts = bundle(language);
            Question position = question("position");
            return new ScreenContext() {
                @Override
                public String language() {
                    return language;
                }

                @Override
                public String text(String key) {
                    String value = texts.getProperty(key);
                    if (value == null) {
                        throw new AssertionError("template asks for missing key " + key);
                    }
                    return value;
                }

                @Override
                public String asset(String fileName) {
                    return "/topics/sleep/assets/" + fileName;
                }

                @Override
                public Question question() {
                    return position;
                }

                @Override
                public List<String> answer() {
                    return answer;
                }
            };
        }

        private String render(ScreenContext screen) {
            TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
                    SleepTopic.class.getClassLoader(), SleepTopic.class.getPackageName() + ".jte");
            assertTrue(engine.hasTemplate(SleepTopic.POSITIONS_TEMPLATE), "template is generated into the plugin package");
            StringOutput out = new StringOutput();
            engine.render(SleepTopic.POSITIONS_TEMPLATE, screen, out);
            return out.toString();
        }

        @Test
        @DisplayName("the template uses exactly the listed texts and pictures, and they all exist")
        void templateKeysAndAssets() throws IOException {
            String source = templateSource();
            assertEquals(new LinkedHashSet<>(SleepTopic.TEMPLATE_KEYS), calls(TEXT_CALL, source));
            assertEquals(new LinkedHashSet<>(SleepTopic.TEMPLATE_ASSETS), calls(ASSET_CALL, source));
            for (String asset : SleepTopic.TEMPLATE_ASSETS) {
                assertNotNull(getClass().getResourceAsStream("/assets/" + asset), asset);
            }
        }

        @Test
        @DisplayName("the template has one parameter, the screen, and no inline styles, scripts or raw output")
        void templateIsSafe() throws IOException {
            String source = templateSource();
            assertTrue(source.startsWith("@param com.physiokiosk.api.ScreenContext screen\n"));
            assertEquals(1, source.split("@param", -1).length - 1);
            String lower = source.toLowerCase(Locale.ROOT);
            for (String banned : List.of("style=", "<style", "<script", "$unsafe", "onclick", "onload", "http:", "https:")) {
                assertFalse(lower.contains(banned), banned);
            }
        }

        @Test
        @DisplayName("it draws four labelled pictures in a figure with a caption, in English")
        void rendersFigureInEnglish() throws IOException {
            String html = render(screen("en", List.of()));
            assertTrue(html.contains("<figure class=\"illustration sleep-positions\">"), html);
            assertTrue(html.contains("<figcaption>Ways of lying in bed."), html);
            for (String code : List.of("back", "side", "front", "mixed")) {
                assertTrue(html.contains("src=\"/topics/sleep/assets/position-" + code + ".svg\""), code);
            }
            assertEquals(4, html.split("<img ", -1).length - 1);
            assertTrue(html.contains("alt=\"Drawing of a person lying on their back"), html);
            assertFalse(html.contains("chosen"), "nothing chosen yet");
            assertFalse(html.contains("&#10003;"), "no check mark yet");
            assertTrue(html.contains("<table class=\"positions\" role=\"presentation\">"), "a row of pictures");
            assertFalse(html.contains("style="));
            assertFalse(html.contains("<script"));
        }

        @Test
        @DisplayName("it speaks Spanish and marks the position already chosen")
        void rendersSpanishWithChoice() throws IOException {
            String html = render(screen("es", List.of("side")));
            assertTrue(html.contains("<figcaption>Posturas en la cama."), html);
            assertTrue(html.contains("De lado"), html);
            assertTrue(html.contains("alt=\"Dibujo de una persona acostada boca arriba"), html);
            assertEquals(1, html.split("position chosen", -1).length - 1, html);
            int chosen = html.indexOf("position chosen");
            assertTrue(html.indexOf("position-side.svg", chosen) > chosen
                    && html.indexOf("position-side.svg", chosen) < html.indexOf("</td>", chosen), html);
            assertEquals(1, html.split("&#10003;", -1).length - 1, "one check mark, on the chosen picture");
        }
    }
}
